package org.aslwb.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aslwb.attack.Attack;
import org.aslwb.attack.RobustnessSweep;
import org.aslwb.attack.SweepResult;
import org.aslwb.evaluation.Evaluation;
import org.aslwb.evaluation.Evaluator;
import org.aslwb.explain.Explanation;
import org.aslwb.explain.LimeExplainer;
import org.aslwb.explain.LimeSettings;
import org.aslwb.model.Classifier;
import org.aslwb.model.Versions;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * Computes a report with the tabs' own services: {@link Evaluator} over the split, an untargeted
 * FGSM {@link RobustnessSweep} over its first images, and {@link LimeExplainer} on each image, with
 * the same settings as the {@code evaluate}, {@code attack} and {@code explain} commands so that
 * the commands printed under each figure reproduce it.
 */
public final class ReportMaker {
  /** Computes the report's figures; cancellable between batches. */
  public Report make(
      ReportInput input,
      ReportSettings settings,
      ProgressListener progress,
      Cancellation cancellation) {
    Classifier classifier = input.model().classifier();
    Evaluation evaluation = null;
    SweepResult curve = null;
    if (input.data() != null) {
      int[] indices =
          "all".equals(settings.split())
              ? Evaluator.allIndices(input.data())
              : Evaluator.validationIndices(input.model().metadata(), input.data());
      evaluation =
          new Evaluator()
              .evaluate(
                  classifier, input.data(), indices, settings.split(), progress, cancellation);
      int[] attacked = Arrays.copyOf(indices, Math.min(indices.length, settings.attackLimit()));
      curve =
          new RobustnessSweep()
              .run(
                  input.modelFile().getFileName().toString(),
                  classifier,
                  Attack.parse("fgsm", false, settings.seed()),
                  input.data(),
                  attacked,
                  settings.epsilons(),
                  -1,
                  settings.seed(),
                  progress,
                  cancellation);
    }
    LimeSettings lime = LimeSettings.defaults().with(settings.limeSamples(), settings.seed());
    List<Explanation> explanations = new ArrayList<>();
    for (ReportInput.NamedImage image : input.images()) {
      cancellation.check();
      explanations.add(
          new LimeExplainer().explain(classifier, image.photo(), lime, progress, cancellation));
    }
    return new Report(
        input,
        settings,
        evaluation,
        curve,
        explanations,
        machine(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  private static List<String[]> machine() {
    Runtime rt = Runtime.getRuntime();
    return List.of(
        new String[] {"ASL Workbench", Versions.workbench()},
        new String[] {"Deeplearning4j", Versions.dl4j()},
        new String[] {"native backend", Versions.nativeBackend()},
        new String[] {"Java", Versions.java()},
        new String[] {
          "machine",
          System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + ", "
              + rt.availableProcessors()
              + " cores, "
              + rt.maxMemory() / (1024 * 1024)
              + " MiB heap"
        });
  }
}
