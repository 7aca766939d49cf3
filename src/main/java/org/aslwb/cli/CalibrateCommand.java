package org.aslwb.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.DatasetScanner;
import org.aslwb.evaluation.ModelCalibrator;
import org.aslwb.model.TemperatureScaling;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aslwb calibrate}. */
@Command(
    name = "calibrate",
    description =
        "Fit the softmax temperature of an existing model on its validation split and keep it in"
            + " the model file (training does this itself).")
final class CalibrateCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      required = true,
      description = "model file (its temperature is fitted and kept in it)")
  Path model;

  @Option(names = "--data", required = true, description = "the data the model was trained on")
  Path data;

  @Option(names = "--json", description = "print one JSON object on stdout")
  boolean json;

  @Override
  public Integer call() throws Exception {
    TrainedModel trained = ModelOption.load(model);
    TemperatureScaling t =
        new ModelCalibrator(new DatasetLoader())
            .calibrate(
                trained, model, DatasetScanner.scan(data), Output.progress(), Cancellation.none());
    Output.say(
        "temperature %.3f fitted on %d validation images (%s split): ECE %.4f -> %.4f,"
            + " NLL %.4f -> %.4f; saved in %s",
        t.temperature(),
        t.images(),
        t.splitMethod(),
        t.eceBefore(),
        t.eceAfter(),
        t.nllBefore(),
        t.nllAfter(),
        model);
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("model", model.toString());
      o.put("temperature", t.temperature());
      o.put("split", t.split());
      o.put("split_method", t.splitMethod());
      o.put("images", t.images());
      o.put("ece_before", t.eceBefore());
      o.put("ece_after", t.eceAfter());
      o.put("nll_before", t.nllBefore());
      o.put("nll_after", t.nllAfter());
      Output.json(o);
    }
    return 0;
  }
}
