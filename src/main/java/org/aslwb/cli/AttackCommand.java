package org.aslwb.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aslwb.attack.Attack;
import org.aslwb.attack.MinimalEpsilon;
import org.aslwb.attack.MinimalEpsilonResult;
import org.aslwb.attack.RobustnessSweep;
import org.aslwb.attack.SweepResult;
import org.aslwb.attack.SweepSettings;
import org.aslwb.attack.TransferMatrix;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.LoadedDataset;
import org.aslwb.evaluation.EvaluationSplit;
import org.aslwb.evaluation.Evaluator;
import org.aslwb.export.AttackFiles;
import org.aslwb.model.ClassNames;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.OutputLocations;
import org.aslwb.task.SettingChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aslwb attack}: accuracy against epsilon for one or more models. */
@Command(
    name = "attack",
    description = "Accuracy-vs-epsilon curve (FGSM, BIM or PGD) over a data set.")
final class AttackCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      required = true,
      split = ",",
      description = "model file(s), comma-separated")
  List<Path> models;

  @Option(names = "--data", required = true, description = "folder-per-class images to attack")
  Path data;

  @Option(names = "--method", defaultValue = "fgsm", description = "fgsm, bim or pgd")
  String method;

  @Option(
      names = "--eps",
      split = ",",
      defaultValue = "0,0.005,0.01,0.02,0.03,0.05,0.075,0.1,0.15,0.2,0.3",
      description = "epsilons on the [0,1] pixel scale")
  double[] eps;

  @Option(
      names = "--targeted",
      paramLabel = "LETTER",
      description = "aim every image at this class")
  String targeted;

  @Option(
      names = "--limit",
      defaultValue = "0",
      description = "attack only the first N images (0: all)")
  int limit;

  @Option(names = "--split", defaultValue = "val", description = "val or all")
  String split;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "seed of the random start of PGD (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--min-eps",
      description =
          "also find each image's minimal flipping FGSM epsilon by bisection (min_eps.csv; median,"
              + " histogram and the most fragile images in the log)")
  boolean minEps;

  @Option(
      names = "--budget",
      defaultValue = "0.3",
      description = "largest epsilon --min-eps tries (default: ${DEFAULT-VALUE})")
  double budget;

  @Option(
      names = "--transfer-to",
      paramLabel = "MODEL",
      description =
          "score adversarial images made on --model on this model and back (transfer.csv, a 2x2"
              + " matrix at --transfer-eps)")
  Path transferTo;

  @Option(
      names = "--transfer-eps",
      defaultValue = "0.03",
      description = "epsilon of the transfer matrix (default: ${DEFAULT-VALUE})")
  double transferEps;

  @Option(
      names = "--out",
      description =
          "folder for curve.csv, per_class.csv and curve.png (and min_eps.csv, transfer.csv)")
  Path out;

  @Option(names = "--json", description = "print one JSON object on stdout")
  boolean json;

  @Override
  public Integer call() throws Exception {
    SweepSettings sweep = new SweepSettings(eps, limit);
    if (minEps) {
      SettingChecks.between("budget", budget, 0, false, 1, true);
    }
    if (transferTo != null) {
      SettingChecks.between("transfer-eps", transferEps, 0, true, 1, true);
      if (models.size() != 1) {
        throw new IllegalArgumentException("--transfer-to needs exactly one --model");
      }
    }
    if (out != null) {
      OutputLocations.checkFolder(out); // before the work, not after it
    }
    List<SweepResult> curves = new ArrayList<>();
    List<MinimalEpsilonResult> minimal = new ArrayList<>();
    TransferMatrix.Result transfer = null;
    for (Path modelFile : models) {
      TrainedModel trained = ModelOption.load(modelFile);
      LoadedDataset loaded =
          new DatasetLoader()
              .load(
                  data, trained.metadata().preprocessing(), Output.progress(), Cancellation.none());
      EvaluationSplit scored = Evaluator.splitOf(trained.metadata(), loaded, "all".equals(split));
      int[] indices = sweep.firstImages(scored.indices());
      int target =
          targeted == null
              ? -1
              : ClassNames.resolve("--targeted", targeted, trained.metadata().classNames());
      Attack attack = Attack.parse(method, target >= 0, seed);
      SweepResult r =
          new RobustnessSweep()
              .run(
                  curveName(modelFile),
                  trained.classifier(),
                  attack,
                  loaded,
                  indices,
                  sweep.epsilons(),
                  target,
                  seed,
                  Output.progress(),
                  Cancellation.none());
      Output.say(
          "%s %s over %d images (%s): %.2f s, %d gradient passes",
          r.model(), r.method(), r.images(), scored.describe(), r.seconds(), r.gradientPasses());
      r.points()
          .forEach(
              pt ->
                  Output.say(
                      "  eps %.4f (normalised %.3f): accuracy %.4f, success %.4f, mean Linf %.4f",
                      pt.epsilon(),
                      pt.epsilonNormalised(),
                      pt.accuracy(),
                      pt.successRate(),
                      pt.meanLinf()));
      curves.add(r);
      if (minEps) {
        MinimalEpsilonResult m =
            new MinimalEpsilon()
                .run(
                    r.model(),
                    trained.classifier(),
                    loaded,
                    indices,
                    budget,
                    Output.progress(),
                    Cancellation.none());
        RobustnessLog.minimalEpsilon(m);
        minimal.add(m);
      }
      if (transferTo != null) {
        TrainedModel other = ModelOption.load(transferTo);
        transfer =
            new TransferMatrix()
                .run(
                    List.of(r.model(), transferTo.getFileName().toString()),
                    List.of(trained.classifier(), other.classifier()),
                    Attack.parse(method, false, seed),
                    loaded,
                    indices,
                    transferEps,
                    seed,
                    Output.progress(),
                    Cancellation.none());
        RobustnessLog.transfer(transfer);
      }
    }
    if (out != null) {
      AttackFiles.write(out, curves, null);
      Output.say("wrote curve.csv, per_class.csv and curve.png to %s", out);
      AttackFiles.writeRobustness(out, minimal, transfer);
      if (minEps) {
        Output.say("wrote %s", out.resolve("min_eps.csv"));
      }
      if (transfer != null) {
        Output.say("wrote %s", out.resolve("transfer.csv"));
      }
    }
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("method", method);
      o.put("targeted", targeted);
      o.put(
          "curves",
          curves.stream()
              .map(
                  r ->
                      Map.of(
                          "model",
                          r.model(),
                          "images",
                          r.images(),
                          "seconds",
                          r.seconds(),
                          "gradient_passes",
                          r.gradientPasses(),
                          "points",
                          r.points().stream()
                              .map(
                                  pt ->
                                      Map.of(
                                          "eps",
                                          pt.epsilon(),
                                          "eps_normalised",
                                          pt.epsilonNormalised(),
                                          "accuracy",
                                          pt.accuracy(),
                                          "success_rate",
                                          pt.successRate(),
                                          "mean_linf",
                                          pt.meanLinf(),
                                          "mean_l2",
                                          pt.meanL2()))
                              .toList()))
              .toList());
      if (minEps) {
        o.put("min_eps", minimal.stream().map(RobustnessLog::json).toList());
      }
      if (transfer != null) {
        o.put("transfer", RobustnessLog.json(transfer));
      }
      Output.json(o);
    }
    return 0;
  }

  /** The model's file name, or its path where two of the models share a file name. */
  private String curveName(Path modelFile) {
    Path name = modelFile.getFileName();
    long same = models.stream().filter(m -> m.getFileName().equals(name)).count();
    return same > 1 ? modelFile.toString() : name.toString();
  }
}
