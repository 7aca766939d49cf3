package org.aslwb.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.UnreadableImageException;
import org.aslwb.explain.ExplainInput;
import org.aslwb.model.TrainedModel;
import org.aslwb.report.HtmlReport;
import org.aslwb.report.Report;
import org.aslwb.report.ReportInput;
import org.aslwb.report.ReportMaker;
import org.aslwb.report.ReportSettings;
import org.aslwb.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aslwb report}: one self-contained HTML file about a model. */
@Command(
    name = "report",
    description =
        "One self-contained HTML report: model card, evaluation, FGSM curve and LIME"
            + " explanations, each figure with the command that reproduces it.")
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, description = "model file")
  Path model;

  @Option(names = "--data", description = "folder-per-class images to evaluate and attack")
  Path data;

  @Option(
      names = "--image",
      paramLabel = "IMG",
      arity = "1..*",
      description = "images to explain with LIME (repeatable)")
  List<Path> images = new ArrayList<>();

  @Option(names = "--out", required = true, description = "the HTML file to write")
  Path out;

  @Option(
      names = "--split",
      defaultValue = "val",
      description = "val (the model's own validation split; all when the data differ) or all")
  String split;

  @Option(
      names = "--attack-limit",
      defaultValue = "300",
      description = "FGSM attacks the first N images of the split (default: ${DEFAULT-VALUE})")
  int attackLimit;

  @Option(
      names = "--eps",
      split = ",",
      defaultValue = "0,0.005,0.01,0.02,0.03,0.05,0.075,0.1,0.15,0.2,0.3",
      description = "FGSM epsilons on the [0,1] pixel scale")
  double[] eps;

  @Option(
      names = "--samples",
      defaultValue = "1000",
      description = "LIME samples per image (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "seed of the LIME draws (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--json", description = "print one JSON object on stdout")
  boolean json;

  @Override
  public Integer call() throws Exception {
    ReportSettings settings = new ReportSettings(split, attackLimit, eps, seed, samples, 5);
    TrainedModel trained = ModelOption.load(model);
    LoadedDataset loaded =
        data == null
            ? null
            : new DatasetLoader()
                .load(
                    data,
                    trained.metadata().preprocessing(),
                    Output.progress(),
                    Cancellation.none());
    List<ReportInput.NamedImage> explained = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Path image : images) {
      try {
        explained.add(
            new ReportInput.NamedImage(
                image, ExplainInput.fromPhoto(new ImageDecoder().decode(image))));
      } catch (UnreadableImageException e) {
        Output.say("skipping --image %s: %s", image, e.getMessage());
        skipped.add("--image " + image + ": " + e.getMessage());
      }
    }
    Report report =
        new ReportMaker()
            .make(
                new ReportInput(model, trained, data, loaded, explained, skipped),
                settings,
                Output.progress(),
                Cancellation.none());
    HtmlReport.write(report, out);
    Output.say("wrote %s", out);
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("report", out.toString());
      o.put("accuracy", report.evaluation() == null ? null : report.evaluation().accuracy());
      o.put("images_explained", explained.size());
      o.put("skipped", skipped);
      Output.json(o);
    }
    return skipped.isEmpty() ? 0 : Aslwb.BAD_INPUT;
  }
}
