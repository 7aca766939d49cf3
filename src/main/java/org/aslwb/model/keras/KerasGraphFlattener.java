package org.aslwb.model.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a Keras model configuration with models nested inside it (a Sequential holding
 * Sequentials and Functionals, as Teachable Machine exports) as one flat functional model, which
 * DL4J's importer can take: every plain layer keeps its name and its configuration, and a nested
 * model's inputs and outputs are wired straight to the tensors around it.
 */
final class KerasGraphFlattener {
  static final Set<String> MODEL_CLASSES = Set.of("Sequential", "Functional", "Model");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ArrayNode layers = NODES.arrayNode();

  private KerasGraphFlattener() {}

  /**
   * The flat functional configuration of {@code model} (its {@code model_config} JSON).
   *
   * @throws KerasImportException when the configuration has no input shape or several inputs
   */
  static ObjectNode flatten(JsonNode model) throws KerasImportException {
    KerasGraphFlattener f = new KerasGraphFlattener();
    JsonNode inputShape = inputShape(model);
    if (inputShape == null) {
      throw new KerasImportException("the model does not say its input shape (batch_input_shape)");
    }
    String input = "input";
    ObjectNode inputConfig = NODES.objectNode();
    inputConfig.set("batch_input_shape", inputShape);
    inputConfig.put("dtype", "float32");
    inputConfig.put("name", input);
    f.layers.add(layer("InputLayer", input, inputConfig, null));
    String output = f.add(model, input);
    ObjectNode config = NODES.objectNode();
    config.put("name", model.path("config").path("name").asText("imported"));
    config.set("layers", f.layers);
    config.set("input_layers", NODES.arrayNode().add(tensor(input)));
    config.set("output_layers", NODES.arrayNode().add(tensor(output)));
    ObjectNode flat = NODES.objectNode();
    flat.put("class_name", "Functional");
    flat.set("config", config);
    return flat;
  }

  /** Adds {@code node} (a layer or a model) fed by tensor {@code input}; returns its output. */
  private String add(JsonNode node, String input) throws KerasImportException {
    String className = node.path("class_name").asText();
    if (className.equals("Sequential")) {
      String x = input;
      for (JsonNode child : node.path("config").path("layers")) {
        if (!child.path("class_name").asText().equals("InputLayer")) {
          x = add(child, x);
        }
      }
      return x;
    }
    if (className.equals("Functional") || className.equals("Model")) {
      return addFunctional(node.path("config"), input);
    }
    String name = nameOf(node);
    ObjectNode config = ((ObjectNode) node.path("config")).deepCopy();
    // only the model's own input layer may carry an input shape
    config.remove("batch_input_shape");
    layers.add(layer(className, name, config, NODES.arrayNode().add(tensor(input))));
    return name;
  }

  private String addFunctional(JsonNode config, String input) throws KerasImportException {
    JsonNode inputs = config.path("input_layers");
    JsonNode outputs = config.path("output_layers");
    if (inputs.size() != 1 || outputs.size() != 1) {
      throw new KerasImportException(
          "nested model '"
              + config.path("name").asText()
              + "' has "
              + inputs.size()
              + " inputs and "
              + outputs.size()
              + " outputs; only one of each can be imported");
    }
    // tensor names inside this model -> names in the flat graph
    Map<String, String> renamed = new HashMap<>();
    renamed.put(inputs.get(0).get(0).asText(), input);
    for (JsonNode child : config.path("layers")) {
      String className = child.path("class_name").asText();
      String name = nameOf(child);
      if (className.equals("InputLayer")) {
        continue;
      }
      JsonNode inbound = child.path("inbound_nodes");
      if (inbound.size() != 1) {
        throw new KerasImportException(
            "layer '"
                + name
                + "' is called "
                + inbound.size()
                + " times; shared layers cannot be imported");
      }
      ArrayNode sources = NODES.arrayNode();
      for (JsonNode source : inbound.get(0)) {
        String from = renamed.get(source.get(0).asText());
        if (from == null) {
          throw new KerasImportException(
              "layer '"
                  + name
                  + "' reads '"
                  + source.get(0).asText()
                  + "', which comes later or not at all");
        }
        sources.add(tensor(from));
      }
      if (MODEL_CLASSES.contains(className)) {
        if (sources.size() != 1) {
          throw new KerasImportException("nested model '" + name + "' has several inputs");
        }
        renamed.put(name, add(child, sources.get(0).get(0).asText()));
      } else {
        ObjectNode layerConfig = ((ObjectNode) child.path("config")).deepCopy();
        layerConfig.remove("batch_input_shape");
        layers.add(layer(className, name, layerConfig, sources));
        renamed.put(name, name);
      }
    }
    String out = renamed.get(outputs.get(0).get(0).asText());
    if (out == null) {
      throw new KerasImportException(
          "nested model '" + config.path("name").asText() + "' has no output");
    }
    return out;
  }

  /** The first {@code batch_input_shape} in the configuration, depth first (null if none). */
  static JsonNode inputShape(JsonNode node) {
    if (node.isObject()) {
      JsonNode shape = node.get("batch_input_shape");
      if (shape != null && shape.isArray()) {
        return shape;
      }
    }
    for (JsonNode child : node) {
      if (child.isContainerNode()) {
        JsonNode found = inputShape(child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String nameOf(JsonNode layer) throws KerasImportException {
    String name = layer.path("config").path("name").asText(layer.path("name").asText(""));
    if (name.isEmpty()) {
      throw new KerasImportException(
          "a " + layer.path("class_name").asText() + " layer has no name");
    }
    return name;
  }

  private static ObjectNode layer(
      String className, String name, ObjectNode config, ArrayNode sources) {
    ObjectNode layer = NODES.objectNode();
    layer.put("class_name", className);
    layer.set("config", config);
    layer.put("name", name);
    ArrayNode inbound = NODES.arrayNode();
    if (sources != null) {
      inbound.add(sources);
    }
    layer.set("inbound_nodes", inbound);
    return layer;
  }

  private static ArrayNode tensor(String name) {
    return NODES.arrayNode().add(name).add(0).add(0);
  }
}
