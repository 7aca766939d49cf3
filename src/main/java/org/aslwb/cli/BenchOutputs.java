package org.aslwb.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.LoadedDataset;
import org.aslwb.evaluation.BackendOutputs;
import org.aslwb.model.Engine;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.SettingChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aslwb bench outputs}: one backend's outputs, compared with another's on the same weights.
 */
@Command(
    name = "outputs",
    description = {
      "Writes a model's probabilities and input gradients on the first images of a data set;"
          + " with --compare, checks them against a file another backend wrote (exit 1 when they"
          + " differ by more than --tolerance).",
      "scripts/gpu-check.sh runs it with --backend cpu, then --backend cuda."
    })
final class BenchOutputs implements Callable<Integer> {
  @Mixin BenchOutput out;

  @Option(names = "--model", required = true, description = "model file")
  Path model;

  @Option(names = "--data", required = true, description = "folder-per-class data set")
  Path data;

  @Option(
      names = "--limit",
      defaultValue = "64",
      description = "images (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--out", required = true, description = "where to write this backend's outputs")
  Path outputs;

  @Option(names = "--compare", description = "outputs another backend wrote on the same model")
  Path reference;

  @Option(
      names = "--tolerance",
      defaultValue = "1e-3",
      description =
          "largest accepted difference of a probability, and of a gradient relative to the"
              + " largest gradient (default: ${DEFAULT-VALUE})")
  double tolerance;

  @Override
  public Integer call() throws Exception {
    SettingChecks.atLeast("limit", limit, 1);
    SettingChecks.positive("tolerance", tolerance);
    String engine = Engine.start().describe();
    Output.say("engine: %s", engine);
    TrainedModel m = ModelOption.load(model);
    var pre = m.metadata().preprocessing();
    LoadedDataset loaded =
        new DatasetLoader()
            .load(data, pre, Output.progress(), Cancellation.none())
            .withoutEmptyClasses();
    BackendOutputs mine = BackendOutputs.of(m.rawClassifier(), loaded, limit);
    mine.write(outputs);
    BenchOutput.Figures f =
        new BenchOutput.Figures("aslwb-outputs")
            .put("engine", engine, "'%s'")
            .put("images", mine.names().size(), "%d");
    if (reference == null) {
      out.add(f);
      out.finish("outputs");
      return 0;
    }
    BackendOutputs.Difference d = mine.compare(BackendOutputs.read(reference));
    boolean close =
        d.maxProbabilityDifference() <= tolerance && d.maxGradientDifference() <= tolerance;
    out.add(
        f.put("max_prob_diff", d.maxProbabilityDifference(), "%.2e")
            .put("top1_agreement", d.top1Agreement(), "%.4f")
            .put("max_grad_diff_rel", d.maxGradientDifference(), "%.2e")
            .put("within_tolerance", close, "%b"));
    out.finish("outputs");
    return close ? 0 : 1;
  }
}
