package org.aslwb.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aslwb.data.Preprocessing;
import org.aslwb.export.LineChart;
import org.aslwb.export.Png;
import org.aslwb.model.EpochMetrics;
import org.aslwb.model.ModelMetadata;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;

/** The report's model card: what the model is, how it was trained, and its training curves. */
final class ModelCardHtml {
  // the metadata fields shown in the card; any other field (added by a later format) is listed
  private static final Set<String> SHOWN =
      Set.of(
          "format",
          "formatVersion",
          "architecture",
          "widthMultiplier",
          "classNames",
          "preprocessing",
          "history",
          "bestEpoch",
          "seed",
          "settings",
          "dataFingerprint",
          "createdAt");

  // the settings a training run records (TrainingConfig.asSettings and the split); other keys, such
  // as results that later steps add to the settings, are listed with the other recorded fields
  private static final Set<String> TRAINING_SETTINGS =
      Set.of(
          "model",
          "width",
          "size",
          "epochs",
          "batch",
          "lr",
          "schedule",
          "early_stopping",
          "val_fraction",
          "split",
          "augmentation",
          "seed",
          "max_batches_per_epoch",
          "split_detail");

  private ModelCardHtml() {}

  static void write(Html html, Report r) {
    TrainedModel model = r.input().model();
    ModelMetadata m = model.metadata();
    Preprocessing p = m.preprocessing();
    html.raw("<section id=\"model-card\">\n<h2>Model card</h2>\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"model file", r.input().modelFile().toString()});
    rows.add(new String[] {"architecture", model.describe()});
    rows.add(
        new String[] {
          "parameters", String.format(Locale.ROOT, "%,d", model.network().numParams())
        });
    rows.add(
        new String[] {"classes", m.classNames().size() + ": " + String.join(", ", m.classNames())});
    rows.add(new String[] {"input", p.width() + "x" + p.height() + "x" + p.channels()});
    rows.add(
        new String[] {
          "preprocessing",
          "resize to "
              + p.width()
              + "x"
              + p.height()
              + ", scale to [0,1], then per channel (x - mean) / std with mean "
              + Arrays.toString(p.mean())
              + " and std "
              + Arrays.toString(p.std())
        });
    rows.add(new String[] {"seed", Long.toString(m.seed())});
    rows.add(new String[] {"data fingerprint", m.dataFingerprint()});
    rows.add(new String[] {"split", m.settings().getOrDefault("split_detail", "not recorded")});
    rows.add(
        new String[] {
          "epochs run",
          m.history().size() + (m.bestEpoch() > 0 ? ", weights of epoch " + m.bestEpoch() : "")
        });
    rows.add(new String[] {"saved at", m.createdAt()});
    html.keyValues(rows);
    html.element("h3", "Training settings");
    List<String[]> settings = new ArrayList<>();
    m.settings().entrySet().stream()
        .filter(e -> TRAINING_SETTINGS.contains(e.getKey()))
        .forEach(e -> settings.add(new String[] {e.getKey(), e.getValue()}));
    if (settings.isEmpty()) {
      html.element("p", "The model file records no training settings.");
    } else {
      html.keyValues(settings);
    }
    html.element("h3", "Versions and machine of this report");
    html.keyValues(r.machine());
    history(html, m, Commands.train(m.settings(), r.input().modelFile()));
    otherFields(html, m);
    html.raw("</section>\n");
  }

  private static void history(Html html, ModelMetadata m, String trainCommand) {
    html.element("h3", "Training history");
    List<EpochMetrics> h = m.history();
    if (h.isEmpty()) {
      html.element("p", "The model file records no training history.");
      return;
    }
    double[] epochs = h.stream().mapToDouble(EpochMetrics::epoch).toArray();
    String command =
        trainCommand == null ? "not trained in the workbench: no command" : trainCommand;
    LineChart loss =
        new LineChart("epoch", "loss")
            .add(series("train loss", epochs, h, EpochMetrics::trainLoss))
            .add(series("validation loss", epochs, h, EpochMetrics::valLoss));
    html.figure(
        Png.dataUri(loss.render()),
        "loss per epoch",
        "Loss per epoch (training loss with augmentation and dropout; validation loss in inference"
            + " mode on the recorded split).",
        command);
    LineChart accuracy =
        new LineChart("epoch", "accuracy")
            .yRange(0, 1)
            .add(series("train accuracy", epochs, h, EpochMetrics::trainAccuracy))
            .add(series("validation accuracy", epochs, h, EpochMetrics::valAccuracy));
    // the validation accuracy under FGSM, in runs that measured it (train --robust-eps)
    EpochMetrics robust =
        h.stream().filter(EpochMetrics::hasRobustAccuracy).findFirst().orElse(null);
    if (robust != null) {
      accuracy.add(
          series(
              "validation accuracy under FGSM, eps " + robust.robustEpsilon(),
              epochs,
              h,
              e -> e.hasRobustAccuracy() ? e.robustAccuracy() : Double.NaN));
    }
    html.figure(
        Png.dataUri(accuracy.render()),
        "accuracy per epoch",
        "Accuracy per epoch on the training and the recorded validation split"
            + (robust == null ? "." : ", and on that split's FGSM images."),
        command);
  }

  private static LineChart.Series series(
      String name,
      double[] epochs,
      List<EpochMetrics> h,
      java.util.function.ToDoubleFunction<EpochMetrics> value) {
    return new LineChart.Series(name, epochs, h.stream().mapToDouble(value).toArray());
  }

  /** Fields of the model file this card does not know by name, such as later results. */
  private static void otherFields(Html html, ModelMetadata m) {
    JsonNode tree = ModelStore.json().valueToTree(m);
    List<Map.Entry<String, JsonNode>> other = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!SHOWN.contains(field.getKey()) && !field.getValue().isNull()) {
        other.add(field);
      }
    }
    List<String[]> otherSettings = new ArrayList<>();
    m.settings().entrySet().stream()
        .filter(e -> !TRAINING_SETTINGS.contains(e.getKey()))
        .forEach(e -> otherSettings.add(new String[] {e.getKey(), e.getValue()}));
    if (other.isEmpty() && otherSettings.isEmpty()) {
      return;
    }
    html.raw("<h3 id=\"other-results\">Other results recorded in the model file</h3>\n");
    html.element(
        "p", "External and shift evaluations and other fields the model file holds, as recorded.");
    if (!otherSettings.isEmpty()) {
      html.keyValues(otherSettings);
    }
    for (Map.Entry<String, JsonNode> field : other) {
      html.element("h4", field.getKey());
      node(html, field.getValue());
    }
  }

  /** A JSON value as nested tables (objects), lists (arrays) or escaped text. */
  private static void node(Html html, JsonNode n) {
    if (n.isObject()) {
      html.raw("<table class=\"kv\">\n");
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        html.raw("<tr><th>").text(f.getKey()).raw("</th><td>");
        node(html, f.getValue());
        html.raw("</td></tr>\n");
      }
      html.raw("</table>\n");
    } else if (n.isArray()) {
      html.raw("<ol>");
      for (JsonNode item : n) {
        html.raw("<li>");
        node(html, item);
        html.raw("</li>");
      }
      html.raw("</ol>\n");
    } else {
      html.text(n.asText());
    }
  }
}
