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
import org.aslwb.export.ConfusionCsv;
import org.aslwb.export.PerClassCsv;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aslwb evaluate}. */
@Command(
    name = "evaluate",
    description = "Accuracy, confusion matrix and per-class metrics over a split.")
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, description = "model file")
  Path model;

  @Option(names = "--data", required = true, description = "folder-per-class images to evaluate on")
  Path data;

  @Option(
      names = "--split",
      defaultValue = "val",
      description = "val (the model's own validation split; all when the data differ) or all")
  String split;

  @Option(names = "--out", description = "folder for confusion.csv and per_class.csv")
  Path out;

  @Option(names = "--json", description = "print one JSON object on stdout")
  boolean json;

  @Override
  public Integer call() throws Exception {
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
    if (out != null) {
      Files.createDirectories(out);
      ConfusionCsv.write(e.confusion(), out.resolve("confusion.csv"));
      PerClassCsv.write(e.confusion(), out.resolve("per_class.csv"));
      Output.say("wrote %s and %s", out.resolve("confusion.csv"), out.resolve("per_class.csv"));
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
      Output.json(o);
    }
    return 0;
  }
}
