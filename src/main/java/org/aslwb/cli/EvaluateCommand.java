package org.aslwb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.DatasetScanner;
import org.aslwb.evaluation.Evaluation;
import org.aslwb.evaluation.EvaluationRun;
import org.aslwb.evaluation.EvaluationSplit;
import org.aslwb.evaluation.Evaluator;
import org.aslwb.evaluation.ShiftReport;
import org.aslwb.evaluation.ShiftSuite;
import org.aslwb.export.ConfusionCsv;
import org.aslwb.export.PerClassCsv;
import org.aslwb.export.ReliabilityCsv;
import org.aslwb.export.ShiftsCsv;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.OutputLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aslwb evaluate}. */
@Command(
    name = "evaluate",
    description =
        "Accuracy, calibration, confusion matrix and per-class metrics: over the model's validation"
            + " split of its training data, or over all of another data set (labelled external,"
            + " and kept in the model file).")
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, description = "model file")
  Path model;

  @Option(
      names = "--data",
      required = true,
      description =
          "data set folder; folders matching model classes in any case are scored, others listed"
              + " and skipped")
  Path data;

  @Option(
      names = "--split",
      defaultValue = "val",
      description =
          "val (the model's own validation split; all images, labelled external, when DIR is not"
              + " its training data) or all")
  String split;

  @Option(names = "--no-record", description = "do not keep an external result in the model file")
  boolean noRecord;

  @Option(
      names = "--out",
      description = "folder for confusion.csv, per_class.csv and reliability.csv")
  Path out;

  @Option(
      names = "--shifts",
      description =
          "also run the shift suite: accuracy under natural corruptions at three severities each")
  boolean shifts;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "seed of the shift suite's random draws (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--json", description = "print one JSON object on stdout")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (!split.equals("val") && !split.equals("all")) {
      throw new IllegalArgumentException("--split must be val or all");
    }
    if (out != null) {
      OutputLocations.checkFolder(out); // before the work, not after it
    }
    TrainedModel trained = ModelOption.load(model);
    EvaluationRun.Result r =
        new EvaluationRun(new DatasetLoader())
            .run(
                trained,
                noRecord ? null : model,
                DatasetScanner.scan(data),
                null,
                split.equals("all"),
                Output.progress(),
                Cancellation.none());
    r.skippedFolders().forEach(s -> Output.say("skipped folder %s", s));
    Evaluation e = r.evaluation();
    Output.say(
        "accuracy %.4f, macro F1 %.4f over %d images (%s) in %.2f s",
        e.accuracy(), e.confusion().macroF1(), e.samples().size(), e.describeSplit(), e.seconds());
    Output.say(
        "calibration (%s): ECE %.4f, NLL %.4f%s",
        e.describeSplit(),
        e.calibration().ece(),
        e.calibration().nll(),
        e.temperature() == 1
            ? " (no temperature fitted)"
            : String.format(
                " with temperature %.3f; raw ECE %.4f, NLL %.4f",
                e.temperature(), e.rawCalibration().ece(), e.rawCalibration().nll()));
    if (r.recorded() != null) {
      Output.say("kept in %s as an external test of %s", model, data);
    }
    if (r.recordProblem() != null) {
      Output.say("%s", r.recordProblem());
    }
    ShiftReport shiftReport = null;
    if (shifts) {
      EvaluationSplit scored = Evaluator.splitOf(trained.metadata(), r.data(), split.equals("all"));
      shiftReport =
          new ShiftSuite()
              .run(
                  trained.classifier(),
                  r.data(),
                  scored.indices(),
                  scored.label(),
                  seed,
                  Output.progress(),
                  Cancellation.none());
      Output.say("%s", shiftReport.toTable());
    }
    if (out != null) {
      Files.createDirectories(out);
      ConfusionCsv.write(e.confusion(), out.resolve("confusion.csv"));
      PerClassCsv.write(e.confusion(), out.resolve("per_class.csv"));
      ReliabilityCsv.write(e.calibration(), out.resolve("reliability.csv"));
      Output.say("wrote confusion.csv, per_class.csv and reliability.csv in %s", out);
      if (shiftReport != null) {
        ShiftsCsv.write(shiftReport, out.resolve("shifts.csv"));
        Output.say("wrote %s", out.resolve("shifts.csv"));
      }
    }
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("accuracy", e.accuracy());
      o.put("macro_f1", e.confusion().macroF1());
      o.put("images", e.samples().size());
      o.put("split", e.split());
      o.put("split_method", e.splitMethod());
      o.put("data", data.toString());
      o.put("ece", e.calibration().ece());
      o.put("nll", e.calibration().nll());
      o.put("temperature", e.temperature());
      o.put("ece_raw", e.rawCalibration().ece());
      o.put("nll_raw", e.rawCalibration().nll());
      o.put("skipped_folders", r.skippedFolders());
      o.put("recorded", r.recorded() != null);
      o.put("seconds", e.seconds());
      o.put("per_class", e.confusion().perClass());
      if (out != null) {
        o.put("confusion_csv", out.resolve("confusion.csv").toString());
        o.put("per_class_csv", out.resolve("per_class.csv").toString());
        o.put("reliability_csv", out.resolve("reliability.csv").toString());
      }
      if (shiftReport != null) {
        Map<String, Object> sh = new LinkedHashMap<>();
        sh.put("seed", shiftReport.seed());
        sh.put("clean_accuracy", shiftReport.cleanAccuracy());
        sh.put("mean_accuracy", shiftReport.meanAccuracy());
        sh.put("rows", shiftReport.scores());
        if (out != null) {
          sh.put("csv", out.resolve("shifts.csv").toString());
        }
        o.put("shifts", sh);
      }
      Output.json(o);
    }
    return 0;
  }
}
