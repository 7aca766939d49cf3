package org.aslwb.model.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aslwb.data.Preprocessing;
import org.aslwb.model.Engine;
import org.aslwb.model.ModelMetadata;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.config.KerasModelConfiguration;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Imports a Keras HDF5 model ({@code model.save("m.h5")}: Sequential or functional, with models
 * nested inside) through DL4J's Keras import, so that it can be evaluated, attacked and explained
 * like a model trained here. DL4J's importer refuses nested models, so the configuration is first
 * flattened ({@link KerasGraphFlattener}) and the weights are then read from the nested groups by
 * layer name.
 *
 * <p>The file is untrusted: its HDF5 signature and size are checked before the native HDF5 library
 * opens it, every layer type must be on an allow-list ({@link KerasLayerPolicy}), and no code from
 * the file ever runs.
 */
public final class KerasImporter {
  /** Larger than any image classifier we can run on a CPU; refuses absurd files before opening. */
  static final long MAX_FILE_BYTES = 2L << 30;

  private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  private static final String WEIGHTS_ROOT = "model_weights";

  private KerasImporter() {}

  /**
   * Imports {@code h5} as a model for {@code classes} (in the model's output order).
   *
   * @throws KerasImportException naming the part of the file and the reason when it cannot be
   *     imported
   */
  public static TrainedModel importModel(Path h5, List<String> classes, KerasPreprocess preprocess)
      throws IOException {
    requireHdf5(h5);
    Engine.start();
    ComputationGraph network;
    JsonNode config;
    String kerasVersion;
    try (Hdf5Archive archive = open(h5)) {
      if (!archive.hasAttribute("model_config")) {
        throw new KerasImportException(
            "holds no model_config (weights only?): save the whole model with model.save(...)");
      }
      config = ModelStore.json().readTree(archive.readAttributeAsJson("model_config"));
      KerasLayerPolicy.check(config);
      kerasVersion = attribute(archive, "keras_version", "2");
      ObjectNode flat = KerasGraphFlattener.flatten(config);
      flat.put("keras_version", kerasVersion);
      flat.put("backend", attribute(archive, "backend", "tensorflow"));
      network = build(archive, ModelStore.json().writeValueAsString(flat));
    } catch (KerasImportException e) {
      throw new KerasImportException(h5 + ": " + e.getMessage());
    } catch (Exception e) {
      // DL4J's own checked exceptions name the Keras layer and what it does not support
      throw new KerasImportException(h5 + ": cannot import (" + rootMessage(e) + ")");
    }
    return new TrainedModel(
        network, metadata(h5, config, classes, preprocess, kerasVersion, network));
  }

  private static ComputationGraph build(Hdf5Archive archive, String flatJson) throws Exception {
    KerasModel model =
        new KerasModelBuilder(new KerasModelConfiguration())
            .modelJson(flatJson)
            .enforceTrainingConfig(false)
            .buildModel();
    Map<String, String> groups = weightGroups(archive);
    for (Map.Entry<String, KerasLayer> e : model.getLayers().entrySet()) {
      KerasLayer layer = e.getValue();
      if (layer.getNumParams() == 0) {
        continue;
      }
      String group = groups.get(e.getKey());
      if (group == null) {
        throw new KerasImportException("no weights for layer '" + e.getKey() + "' in the file");
      }
      Map<String, INDArray> weights = new HashMap<>();
      for (String dataset : archive.getDataSets(group)) {
        // Keras names a variable "kernel:0"; DL4J's layers look for "kernel"
        weights.put(dataset.replaceAll(":\\d+$", ""), archive.readDataSet(dataset, group));
      }
      layer.setWeights(weights);
    }
    return model.getComputationGraph(true);
  }

  /**
   * Where each layer's weights are: {@code model_weights/LAYER} for a flat model, {@code
   * model_weights/NESTED_MODEL/LAYER} for a layer of a nested one.
   */
  private static Map<String, String> weightGroups(Hdf5Archive archive) {
    Map<String, String> groups = new HashMap<>();
    for (String top : archive.getGroups(WEIGHTS_ROOT)) {
      String path = WEIGHTS_ROOT + "/" + top;
      if (!archive.getDataSets(path).isEmpty()) {
        groups.put(top, path);
      }
      for (String inner : archive.getGroups(path)) {
        String innerPath = path + "/" + inner;
        if (!archive.getDataSets(innerPath).isEmpty()) {
          groups.putIfAbsent(inner, innerPath);
        }
      }
    }
    return groups;
  }

  private static ModelMetadata metadata(
      Path h5,
      JsonNode config,
      List<String> classes,
      KerasPreprocess preprocess,
      String kerasVersion,
      ComputationGraph network)
      throws KerasImportException {
    JsonNode shape = KerasGraphFlattener.inputShape(config);
    if (shape == null || shape.size() != 4) {
      throw new KerasImportException(
          h5
              + ": input shape "
              + shape
              + " is not an image batch [batch, height, width, channels]");
    }
    int height = shape.get(1).asInt();
    int width = shape.get(2).asInt();
    int channels = shape.get(3).asInt();
    Preprocessing preprocessing;
    try {
      preprocessing = preprocess.preprocessing(width, height, channels);
    } catch (IllegalArgumentException e) {
      throw new KerasImportException(
          h5 + ": input " + shape + " cannot be used: " + e.getMessage());
    }
    String output = network.getConfiguration().getNetworkOutputs().get(0);
    long outputs = network.layerSize(output);
    if (outputs != classes.size()) {
      throw new KerasImportException(
          h5
              + ": the model has "
              + outputs
              + " outputs but "
              + classes.size()
              + " class names were given");
    }
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(ModelMetadata.SOURCE, h5.getFileName().toString());
    settings.put("preprocess", preprocess.id());
    settings.put("keras_version", kerasVersion);
    settings.put("input_layout", "channels_last");
    return new ModelMetadata(
        ModelMetadata.FORMAT,
        ModelMetadata.VERSION,
        ModelMetadata.KERAS,
        1.0,
        List.copyOf(classes),
        preprocessing,
        List.of(),
        0,
        0,
        settings,
        null,
        null);
  }

  /** Refuses what is not an HDF5 file, or absurdly large, before the native library sees it. */
  private static void requireHdf5(Path h5) throws KerasImportException {
    if (Files.isDirectory(h5)) {
      throw new KerasImportException(h5 + ": is a folder, not a Keras .h5 file");
    }
    if (!Files.isRegularFile(h5)) {
      throw new KerasImportException(h5 + ": does not exist");
    }
    try (InputStream in = Files.newInputStream(h5)) {
      long size = Files.size(h5);
      if (size > MAX_FILE_BYTES) {
        throw new KerasImportException(
            h5 + ": " + size + " bytes is larger than the " + MAX_FILE_BYTES + " bytes accepted");
      }
      byte[] head = in.readNBytes(HDF5_SIGNATURE.length);
      if (!Arrays.equals(head, HDF5_SIGNATURE)) {
        throw new KerasImportException(
            h5 + ": not an HDF5 file (a Keras .h5 model starts with the HDF5 signature)");
      }
    } catch (KerasImportException e) {
      throw e;
    } catch (IOException e) {
      throw new KerasImportException(h5 + ": cannot read (" + e.getMessage() + ")");
    }
  }

  private static Hdf5Archive open(Path h5) throws KerasImportException {
    try {
      return new Hdf5Archive(h5.toString());
    } catch (RuntimeException e) {
      throw new KerasImportException("damaged HDF5 file (" + rootMessage(e) + ")");
    }
  }

  private static String attribute(Hdf5Archive archive, String name, String fallback) {
    try {
      return archive.hasAttribute(name) ? archive.readAttributeAsString(name).trim() : fallback;
    } catch (Exception e) {
      return fallback;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
