package org.aslwb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aslwb.data.BenchmarkSet;
import org.aslwb.data.MemoryBudget;
import org.aslwb.data.TensorCache;
import org.aslwb.model.Engine;
import org.aslwb.task.Cancellation;
import org.aslwb.task.SettingChecks;
import org.aslwb.training.ScaleBenchmark;
import org.aslwb.training.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aslwb bench scale}: a large data set loaded, cached and trained within the budget. */
@Command(
    name = "scale",
    description = {
      "Builds a large benchmark set once (the synthetic generator at 200x200, or --photos repeated"
          + " under new names), then times the cold load, the cached load and one training epoch"
          + " of the simple CNN within the memory budget (ASLWB_MEMORY).",
      "Prints load_s, cached_load_s, epoch_s and peak_rss_mb."
    })
final class BenchScale implements Callable<Integer> {
  @Mixin BenchOutput out;

  @Option(
      names = "--images",
      defaultValue = "87000",
      description = "images in the benchmark set (default: ${DEFAULT-VALUE}, the Kaggle set)")
  int images;

  @Mixin InputSizeOption input;

  @Option(
      names = "--photos",
      paramLabel = "DIR",
      description = "a folder-per-class set of photos to repeat (default: synthetic images)")
  Path photos;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "where the benchmark set and its tensor cache go (default: bench-scale in the"
              + " tensor cache folder)")
  Path dir;

  @Option(
      names = "--max-batches",
      defaultValue = "0",
      description =
          "train only this many batches and scale their time to the epoch (default: the whole"
              + " epoch)")
  int maxBatches;

  @Override
  public Integer call() throws Exception {
    SettingChecks.atLeast("images", images, 29);
    int size = input.size;
    SettingChecks.between("size", size, 32, 256);
    if (photos != null && !Files.isDirectory(photos)) {
      throw new IllegalArgumentException("--photos " + photos + ": not a folder");
    }
    MemoryBudget budget = MemoryBudget.configured();
    Output.say("%s", budget.describe());
    Output.say("engine: %s", Engine.start().describe());
    Path work = dir != null ? dir : TensorCache.userFolder().resolve("bench-scale");
    Path set = BenchmarkSet.build(work, images, photos, Output.progress(), Cancellation.none());
    Output.say("benchmark set: %s", set);
    ScaleBenchmark.Figures f =
        ScaleBenchmark.run(
            set,
            size,
            work.resolve("tensors"),
            budget,
            maxBatches,
            new TrainingListener() {
              @Override
              public void onMessage(String message) {
                Output.say("%s", message);
              }
            },
            Output.progress());
    out.add(
        new BenchOutput.Figures("aslwb-scale")
            .put("images", f.images(), "%d")
            .put("size", f.size(), "%d")
            .put("source", photos == null ? "synthetic" : "photos", "%s")
            .put("tensors", f.tensors(), "%s")
            .put("tensor_mb", f.tensorMb(), "%d")
            .put("load_s", f.loadSeconds(), "%.1f")
            .put("cached_load_s", f.cachedLoadSeconds(), "%.1f")
            .put("epoch_s", f.epochSeconds(), "%.1f")
            .put("epoch_full", f.fullEpoch(), "%b")
            .put("epoch_batches", f.batches(), "%d")
            .put("train_img_s", f.trainImagesPerSecond(), "%.1f")
            .put("train_call_s", f.trainCallSeconds(), "%.1f")
            .put("peak_rss_mb", f.memory().peakMb(), "%d")
            .put("rss_anon_mb", f.memory().anonymousMb(), "%d")
            .put("rss_file_mb", f.memory().fileMb(), "%d")
            .put("heap_max_mb", f.heapMaxMb(), "%d")
            .put("budget_mb", f.budget().bytes() >> 20, "%d"));
    out.finish("scale");
    return 0;
  }
}
