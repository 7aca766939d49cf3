package org.aslwb.model.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Which Keras layers may be imported: the image-classifier layers that DL4J maps to its own. Every
 * other type is refused by name before DL4J sees the configuration, above all {@code Lambda} (its
 * configuration holds Python code) and custom classes (code that only exists in someone's script).
 */
final class KerasLayerPolicy {
  private static final Set<String> SUPPORTED =
      Set.of(
          "InputLayer",
          "Conv2D",
          "Convolution2D",
          "DepthwiseConv2D",
          "SeparableConv2D",
          "BatchNormalization",
          "Activation",
          "ReLU",
          "LeakyReLU",
          "ELU",
          "Softmax",
          "Add",
          "Concatenate",
          "Multiply",
          "Average",
          "Maximum",
          "Subtract",
          "ZeroPadding2D",
          "Cropping2D",
          "MaxPooling2D",
          "AveragePooling2D",
          "GlobalAveragePooling2D",
          "GlobalMaxPooling2D",
          "Dense",
          "Dropout",
          "SpatialDropout2D",
          "Flatten",
          "Reshape",
          "UpSampling2D");

  private KerasLayerPolicy() {}

  /** Walks every layer, nested models included, and refuses the first one not supported. */
  static void check(JsonNode model) throws KerasImportException {
    String className = model.path("class_name").asText("");
    String name = model.path("config").path("name").asText(model.path("name").asText("?"));
    if (KerasGraphFlattener.MODEL_CLASSES.contains(className)) {
      for (JsonNode layer : model.path("config").path("layers")) {
        check(layer);
      }
      return;
    }
    if (className.equals("Lambda")) {
      throw new KerasImportException(
          "layer '"
              + name
              + "' is a Lambda layer: it holds Python code, which the workbench never runs;"
              + " rebuild the model with standard layers");
    }
    if (!SUPPORTED.contains(className)) {
      throw new KerasImportException(
          "layer '"
              + name
              + "' has type '"
              + (className.length() > 100 ? className.substring(0, 100) + "..." : className)
              + "', which the workbench cannot import (supported: "
              + String.join(", ", new java.util.TreeSet<>(SUPPORTED))
              + ")");
    }
  }
}
