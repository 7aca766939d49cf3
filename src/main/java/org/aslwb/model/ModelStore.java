package org.aslwb.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.aslwb.trust.BoundedZip;
import org.aslwb.trust.BoundedZip.NotAZipException;
import org.aslwb.trust.UntrustedInputException;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Reads and writes model files: a zip holding {@code model.json} (the {@link ModelMetadata}) and
 * {@code network.zip} (DL4J's own serialisation, with the optimiser state so training can resume).
 * Writes go to a temporary file in the same folder and are renamed into place, so a full disk or a
 * killed process never leaves a half-written model under the real name.
 */
public final class ModelStore {
  static final String METADATA_ENTRY = "model.json";
  static final String NETWORK_ENTRY = "network.zip";

  /** Our two entries; model.json is a few kB, the network is bounded by Java's array size. */
  private static final BoundedZip ENTRIES =
      new BoundedZip(Map.of(METADATA_ENTRY, 4L << 20, NETWORK_ENTRY, Integer.MAX_VALUE - 8L), 20);

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ModelStore() {}

  /** Jackson mapper configured as the store uses it (records, indented). */
  public static ObjectMapper json() {
    return JSON;
  }

  /** Saves atomically without the optimiser state (a finished model: a third of the size). */
  public static void save(TrainedModel model, Path file) throws IOException {
    save(model, file, false);
  }

  /**
   * Saves atomically; the metadata is stamped with the time of saving. Checkpoints keep the
   * optimiser state ({@code withOptimiser}) so that a resumed run continues exactly.
   */
  public static void save(TrainedModel model, Path file, boolean withOptimiser) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp);
          ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
        zip.write(JSON.writeValueAsBytes(model.metadata().withCreatedAt(Instant.now().toString())));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(NETWORK_ENTRY));
        ByteArrayOutputStream network = new ByteArrayOutputStream();
        ModelSerializer.writeModel(model.network(), network, withOptimiser);
        network.writeTo(zip);
        zip.closeEntry();
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Reads only the metadata (fast: no network is built). */
  public static ModelMetadata readMetadata(Path file) throws ModelFileException {
    return read(file, false).metadata();
  }

  /**
   * Loads a model.
   *
   * @throws ModelFileException naming the file and the reason when it is not a usable model
   */
  public static TrainedModel load(Path file) throws ModelFileException {
    return read(file, true);
  }

  private static TrainedModel read(Path file, boolean withNetwork) throws ModelFileException {
    requireModelFile(file);
    Map<String, byte[]> entries;
    try (InputStream in = Files.newInputStream(file)) {
      entries =
          ENTRIES.read(
              in,
              Files.size(file),
              withNetwork ? Set.of(METADATA_ENTRY, NETWORK_ENTRY) : Set.of(METADATA_ENTRY));
    } catch (UntrustedInputException e) {
      throw new ModelFileException(file, e.getMessage() + ": refused", e);
    } catch (NotAZipException e) {
      throw new ModelFileException(file, "not an ASL Workbench model file (not a zip archive)", e);
    } catch (ZipException | java.io.EOFException e) {
      throw new ModelFileException(
          file, "truncated or damaged model file (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new ModelFileException(file, "cannot read (" + e.getMessage() + ")", e);
    }
    byte[] metadataBytes = entries.get(METADATA_ENTRY);
    if (metadataBytes == null) {
      throw new ModelFileException(
          file, "not an ASL Workbench model file (no " + METADATA_ENTRY + ")");
    }
    ModelMetadata metadata = parseMetadata(file, metadataBytes);
    if (!withNetwork) {
      return new TrainedModel(null, metadata);
    }
    byte[] networkBytes = entries.get(NETWORK_ENTRY);
    if (networkBytes == null) {
      throw new ModelFileException(file, "truncated model file (network missing)");
    }
    Engine.start();
    ComputationGraphConfiguration expected;
    try {
      expected =
          metadata.isImported()
              ? null
              : Architecture.parse(metadata.architecture()).configuration(metadata.shape());
    } catch (RuntimeException e) {
      throw new ModelFileException(
          file, "model description is not usable (" + e.getMessage() + ")");
    }
    try {
      return new TrainedModel(
          NetworkReader.read(file, networkBytes, expected, metadata.classNames().size()), metadata);
    } catch (ModelFileException e) {
      throw e;
    } catch (IOException e) {
      throw new ModelFileException(
          file, "damaged network in model file (" + e.getMessage() + ")", e);
    }
  }

  /** Says what is wrong with a path that is not a model file at all. */
  private static void requireModelFile(Path file) throws ModelFileException {
    if (Files.isDirectory(file)) {
      throw new ModelFileException(file, "is a folder, not a model file");
    }
    if (!Files.exists(file)) {
      throw new ModelFileException(file, "does not exist");
    }
    if (!Files.isRegularFile(file)) {
      throw new ModelFileException(file, "is not a regular file");
    }
  }

  private static ModelMetadata parseMetadata(Path file, byte[] bytes) throws ModelFileException {
    ModelMetadata metadata;
    try {
      metadata = JSON.readValue(bytes, ModelMetadata.class);
    } catch (IOException | RuntimeException e) {
      throw new ModelFileException(
          file, "unreadable model description (" + e.getMessage() + ")", e);
    }
    if (!ModelMetadata.FORMAT.equals(metadata.format())) {
      throw new ModelFileException(file, "not an ASL Workbench model file");
    }
    if (metadata.formatVersion() > ModelMetadata.VERSION) {
      throw new ModelFileException(
          file,
          "model file version "
              + metadata.formatVersion()
              + " is newer than this workbench ("
              + ModelMetadata.VERSION
              + ")");
    }
    if (metadata.classNames() == null
        || metadata.classNames().size() < 2
        || metadata.preprocessing() == null) {
      throw new ModelFileException(file, "model description lacks classes or preprocessing");
    }
    try {
      if (!metadata.isImported()) {
        Architecture.parse(metadata.architecture());
      }
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(file, e.getMessage());
    }
    return metadata;
  }
}
