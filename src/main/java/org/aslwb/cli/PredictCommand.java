package org.aslwb.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aslwb.data.UnreadableImageException;
import org.aslwb.evaluation.Prediction;
import org.aslwb.evaluation.Predictor;
import org.aslwb.model.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aslwb predict}. */
@Command(name = "predict", description = "Predicted letter and top-5 probabilities per image.")
final class PredictCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, description = "model file")
  Path model;

  @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "image files to classify")
  List<Path> images;

  @Option(names = "--json", description = "print one JSON object on stdout")
  boolean json;

  @Override
  public Integer call() throws Exception {
    TrainedModel trained = ModelOption.load(model);
    // calibrated probabilities when the model has a fitted temperature
    Predictor predictor = new Predictor(trained.classifier());
    List<Map<String, Object>> results = new ArrayList<>();
    int failures = 0;
    for (Path image : images) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("image", image.toString());
      try {
        long started = System.nanoTime();
        Prediction p = predictor.predict(image);
        double ms = (System.nanoTime() - started) / 1e6;
        r.put("label", p.label());
        r.put("confidence", p.confidence());
        r.put(
            "top5",
            p.top().stream()
                .map(t -> Map.of("label", t.name(), "probability", t.probability()))
                .toList());
        r.put("millis", ms);
        StringBuilder line = new StringBuilder(image + "\t" + p.label());
        p.top()
            .forEach(
                t ->
                    line.append(
                        String.format(
                            java.util.Locale.ROOT, "\t%s %.3f", t.name(), t.probability())));
        if (!json) {
          System.out.println(line);
        }
      } catch (UnreadableImageException e) {
        failures++;
        r.put("error", e.reason());
        Output.say("%s", e.getMessage());
      }
      results.add(r);
    }
    if (json) {
      Output.json(
          Map.of(
              "model",
              model.toString(),
              "temperature",
              trained.metadata().temperatureOrOne(),
              "predictions",
              results));
    }
    return failures == images.size() ? Aslwb.BAD_INPUT : 0;
  }
}
