package org.aslwb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.LoadedDataset;
import org.aslwb.evaluation.Evaluation;
import org.aslwb.evaluation.Evaluator;
import org.aslwb.evaluation.ShiftReport;
import org.aslwb.evaluation.ShiftSuite;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.OutputLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aslwb evaluate}. */
@Command(
    name = "evaluate",
    description = "Accuracy, confusion matrix and per-class metrics over a split.")
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--model", required = true)
  Path model;

  @Option(names = "--data", required = true)
  Path data;

  @Option(
      names = "--split",
      defaultValue = "val",
      description = "val (the model's own validation split; all when the data differ) or all")
  String split;

  @Option(names = "--out", description = "folder for confusion.csv and per_class.csv")
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
    if (out != null) {
      OutputLocations.checkFolder(out); // before the work, not after it
    }
    TrainedModel trained = ModelOption.load(model);
    LoadedDataset loaded =
        new DatasetLoader()
            .load(data, trained.metadata().preprocessing(), Output.progress(), Cancellation.none());
    int[] indices =
        switch (split) {
          case "val" -> Evaluator.validationIndices(trained.metadata(), loaded);
          case "all" -> Evaluator.allIndices(loaded);
          default -> throw new IllegalArgumentException("--split must be val or all");
        };
    Evaluation e =
        new Evaluator()
            .evaluate(
                trained.classifier(),
                loaded,
                indices,
                split,
                Output.progress(),
                Cancellation.none());
    Output.say(
        "accuracy %.4f, macro F1 %.4f over %d images (%s split) in %.2f s",
        e.accuracy(), e.confusion().macroF1(), indices.length, split, e.seconds());
    ShiftReport shiftReport =
        shifts
            ? new ShiftSuite()
                .run(
                    trained.classifier(),
                    loaded,
                    indices,
                    split,
                    seed,
                    Output.progress(),
                    Cancellation.none())
            : null;
    if (shiftReport != null) {
      Output.say("%s", shiftReport.toTable());
    }
    if (out != null) {
      Files.createDirectories(out);
      Files.writeString(out.resolve("confusion.csv"), e.confusion().toCsv());
      Files.writeString(out.resolve("per_class.csv"), e.confusion().perClassCsv());
      Output.say("wrote %s and %s", out.resolve("confusion.csv"), out.resolve("per_class.csv"));
      if (shiftReport != null) {
        Files.writeString(out.resolve("shifts.csv"), shiftReport.toCsv());
        Output.say("wrote %s", out.resolve("shifts.csv"));
      }
    }
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("accuracy", e.accuracy());
      o.put("macro_f1", e.confusion().macroF1());
      o.put("images", indices.length);
      o.put("split", split);
      o.put("seconds", e.seconds());
      o.put("per_class", e.confusion().perClass());
      if (out != null) {
        o.put("confusion_csv", out.resolve("confusion.csv").toString());
        o.put("per_class_csv", out.resolve("per_class.csv").toString());
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
