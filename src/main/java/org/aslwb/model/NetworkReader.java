package org.aslwb.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aslwb.trust.BoundedZip;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads the network entry of a model file (DL4J's zip layout) without DL4J's {@code
 * ModelSerializer}, which deserialises Java objects from optional entries ({@code
 * preprocessor.bin}) and reads every entry unbounded. Only DL4J's configuration JSON and its binary
 * arrays are read; the JSON may name only DL4J's, ND4J's and our own classes, and each array's
 * header is checked against its entry's size before ND4J allocates anything.
 */
final class NetworkReader {
  static final String CONFIGURATION = "configuration.json";
  static final String COEFFICIENTS = "coefficients.bin";
  static final String UPDATER_STATE = "updaterState.bin";
  static final String NO_PARAMS = "noParams.marker";

  /** Java arrays stop at 2^31 - 1 bytes; so do the largest networks we could ever build. */
  private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8L;

  private static final BoundedZip ENTRIES =
      new BoundedZip(
          Map.of(
              CONFIGURATION,
              16L << 20,
              COEFFICIENTS,
              MAX_ARRAY_BYTES,
              UPDATER_STATE,
              MAX_ARRAY_BYTES,
              NO_PARAMS,
              1024L),
          20);

  /**
   * The type names ND4J writes for shape and value buffers (by name: the older names are the ones
   * in files, and deprecated as constants).
   */
  private static final Set<String> SHAPE_TYPES = Set.of("LONG", "INT64", "INT", "INT32");

  private static final Set<String> VALUE_TYPES =
      Set.of("FLOAT", "DOUBLE", "HALF", "FLOAT16", "BFLOAT16");

  /** Packages whose classes the configuration may name in {@code @class}. */
  private static final List<String> TRUSTED_PACKAGES =
      List.of("org.deeplearning4j.", "org.nd4j.", "org.aslwb.");

  private NetworkReader() {}

  /**
   * Builds the network stored in {@code networkZip}, with the optimiser state when the file has it
   * (checkpoints keep it so that training resumes exactly).
   *
   * @param file the model file, for messages
   * @param expected the configuration the model's metadata describes, to check the network against
   *     (null for an imported network, which is checked for its class count only)
   * @param classes the number of classes the metadata lists
   */
  static ComputationGraph read(
      Path file, byte[] networkZip, ComputationGraphConfiguration expected, int classes)
      throws IOException {
    Map<String, byte[]> entries;
    try {
      entries =
          ENTRIES.read(
              new ByteArrayInputStream(networkZip),
              networkZip.length,
              Set.of(CONFIGURATION, COEFFICIENTS, UPDATER_STATE));
    } catch (IOException e) {
      throw new ModelFileException(file, "network: " + e.getMessage(), e);
    }
    byte[] json = entries.get(CONFIGURATION);
    byte[] coefficients = entries.get(COEFFICIENTS);
    if (json == null || coefficients == null || coefficients.length == 0) {
      throw new ModelFileException(
          file, "damaged network in model file (no " + CONFIGURATION + " or " + COEFFICIENTS + ")");
    }
    String configurationText = new String(json, StandardCharsets.UTF_8);
    requireTrustedClasses(file, configurationText);
    ComputationGraphConfiguration configuration;
    try {
      configuration = ComputationGraphConfiguration.fromJson(configurationText);
    } catch (RuntimeException e) {
      throw new ModelFileException(
          file, "damaged network configuration (" + rootMessage(e) + ")", e);
    }
    if (expected != null) {
      requireMatches(file, configuration, expected);
    }
    INDArray params = array(file, COEFFICIENTS, coefficients);
    ComputationGraph network;
    try {
      configuration.setDataType(params.dataType());
      network = new ComputationGraph(configuration);
      network.init(params, false);
    } catch (RuntimeException e) {
      throw new ModelFileException(file, "damaged network weights (" + rootMessage(e) + ")", e);
    }
    requireOutputs(file, network, classes);
    byte[] updater = entries.get(UPDATER_STATE);
    if (updater != null) {
      INDArray state = array(file, UPDATER_STATE, updater);
      INDArray view = network.getUpdater().getStateViewArray();
      if (view == null || view.length() != state.length()) {
        throw new ModelFileException(
            file, "damaged optimiser state (" + state.length() + " values for this network)");
      }
      network.getUpdater().setStateViewArray(state);
    }
    return network;
  }

  /** Walks the JSON and refuses any {@code @class} outside the trusted packages. */
  private static void requireTrustedClasses(Path file, String json) throws ModelFileException {
    JsonNode root;
    try {
      root = ModelStore.json().readTree(json);
    } catch (IOException e) {
      throw new ModelFileException(file, "damaged network configuration (not JSON)", e);
    }
    String untrusted = firstUntrustedClass(root);
    if (untrusted != null) {
      throw new ModelFileException(
          file,
          "network configuration names class '"
              + (untrusted.length() > 200 ? untrusted.substring(0, 200) + "..." : untrusted)
              + "', which is not a Deeplearning4j, ND4J or ASL Workbench class: refused");
    }
  }

  private static String firstUntrustedClass(JsonNode node) {
    if (node.isObject()) {
      JsonNode type = node.get("@class");
      if (type != null && (!type.isTextual() || !isTrusted(type.asText()))) {
        return type.toString();
      }
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        String found = firstUntrustedClass(it.next());
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        String found = firstUntrustedClass(child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static boolean isTrusted(String className) {
    return TRUSTED_PACKAGES.stream().anyMatch(className::startsWith);
  }

  /**
   * Refuses a network that is not the one the metadata describes (another input size, another
   * version of the architecture): it would fail later with a shape error, or worse, run.
   */
  private static void requireMatches(
      Path file, ComputationGraphConfiguration actual, ComputationGraphConfiguration expected)
      throws ModelFileException {
    Map<String, GraphVertex> found = actual.getVertices();
    for (Map.Entry<String, GraphVertex> e : expected.getVertices().entrySet()) {
      String name = e.getKey();
      GraphVertex want = e.getValue();
      GraphVertex have = found.get(name);
      if (have == null) {
        throw new ModelFileException(
            file, "network has no layer '" + name + "' (made by another version? retrain it)");
      }
      long wantParams = want.numParams(true);
      long haveParams = have.numParams(true);
      if (wantParams != haveParams) {
        throw new ModelFileException(
            file,
            String.format(
                "layer '%s' of the network has %d parameters where the model's description"
                    + " (architecture, input size, classes) gives %d: damaged model file, or made"
                    + " by another version (retrain it)",
                name, haveParams, wantParams));
      }
      if (want instanceof LayerVertex w
          && have instanceof LayerVertex h
          && w.getPreProcessor() != null
          && !w.getPreProcessor().equals(h.getPreProcessor())) {
        throw new ModelFileException(
            file,
            "layer '"
                + name
                + "' of the network expects another input size than the model's description"
                + " gives: damaged model file");
      }
    }
    if (found.size() != expected.getVertices().size()) {
      throw new ModelFileException(
          file,
          "network has "
              + found.size()
              + " layers where the model's description gives "
              + expected.getVertices().size()
              + ": damaged model file, or made by another version (retrain it)");
    }
  }

  /**
   * Reads one ND4J array after checking that its two buffer headers (shape, then data) describe
   * exactly the bytes present, so a forged length cannot make ND4J allocate gigabytes.
   */
  private static INDArray array(Path file, String entry, byte[] bytes) throws ModelFileException {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      long shapeBytes = bufferBytes(in, SHAPE_TYPES);
      if (shapeBytes > 8L * 64 || in.skipBytes((int) shapeBytes) != shapeBytes) {
        throw new IOException("bad shape header");
      }
      long dataBytes = bufferBytes(in, VALUE_TYPES);
      if (dataBytes != in.available()) {
        throw new IOException(
            "header gives " + dataBytes + " bytes of values, the entry holds " + in.available());
      }
      return Nd4j.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    } catch (IOException | RuntimeException e) {
      throw new ModelFileException(
          file, "damaged network (" + entry + ": " + rootMessage(e) + ")", e);
    }
  }

  /** Reads one buffer header as ND4J writes it and returns the byte size of its values. */
  private static long bufferBytes(DataInputStream in, Set<String> allowedTypes) throws IOException {
    DataBuffer.AllocationMode mode = DataBuffer.AllocationMode.valueOf(in.readUTF());
    // as BaseDataBuffer.readHeader: the three oldest modes wrote an int length, the others a long
    long length = mode.ordinal() < 3 ? in.readInt() : in.readLong();
    String typeName = in.readUTF();
    if (!allowedTypes.contains(typeName)) {
      throw new IOException("unexpected array type " + typeName);
    }
    DataType type = DataType.valueOf(typeName);
    if (length < 0 || length > MAX_ARRAY_BYTES / type.width()) {
      throw new IOException("unexpected array header (" + type + ", " + length + " values)");
    }
    return length * type.width();
  }

  private static void requireOutputs(Path file, ComputationGraph network, int classes)
      throws ModelFileException {
    List<String> outputs = network.getConfiguration().getNetworkOutputs();
    long size = outputs.size() == 1 ? network.layerSize(outputs.get(0)) : -1;
    if (size != classes) {
      throw new ModelFileException(
          file,
          "network has "
              + (size < 0 ? outputs.size() + " outputs" : size + " output classes")
              + " but the file lists "
              + classes
              + " classes");
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
