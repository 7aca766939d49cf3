package org.aslwb.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
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
    if (!Files.isRegularFile(file)) {
      throw new ModelFileException(file, "no such model file");
    }
    byte[] metadataBytes = null;
    byte[] networkBytes = null;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      ZipEntry entry;
      boolean any = false;
      while ((entry = zip.getNextEntry()) != null) {
        any = true;
        if (METADATA_ENTRY.equals(entry.getName())) {
          metadataBytes = zip.readAllBytes();
        } else if (NETWORK_ENTRY.equals(entry.getName()) && withNetwork) {
          networkBytes = zip.readAllBytes();
        }
      }
      if (!any) {
        throw new ModelFileException(file, "not an ASL Workbench model file (not a zip archive)");
      }
    } catch (ZipException | java.io.EOFException e) {
      throw new ModelFileException(
          file, "truncated or damaged model file (" + e.getMessage() + ")", e);
    } catch (ModelFileException e) {
      throw e;
    } catch (IOException e) {
      throw new ModelFileException(file, "cannot read (" + e.getMessage() + ")", e);
    }
    if (metadataBytes == null) {
      throw new ModelFileException(
          file, "not an ASL Workbench model file (no " + METADATA_ENTRY + ")");
    }
    ModelMetadata metadata = parseMetadata(file, metadataBytes);
    if (!withNetwork) {
      return new TrainedModel(null, metadata);
    }
    if (networkBytes == null) {
      throw new ModelFileException(file, "truncated model file (network missing)");
    }
    ComputationGraph network;
    try {
      Engine.start();
      network =
          ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(networkBytes), true);
    } catch (IOException | RuntimeException e) {
      throw new ModelFileException(
          file, "damaged network in model file (" + e.getMessage() + ")", e);
    }
    long outputs = network.layerSize("output");
    if (outputs != metadata.classNames().size()) {
      throw new ModelFileException(
          file,
          "network has "
              + outputs
              + " outputs but the file lists "
              + metadata.classNames().size()
              + " classes");
    }
    return new TrainedModel(network, metadata);
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
      Architecture.parse(metadata.architecture());
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(file, e.getMessage());
    }
    return metadata;
  }

  /**
   * Replaces the metadata of a model file and keeps the rest byte for byte (the network entry is
   * copied, not re-serialised; the creation time stays). Written atomically like {@link #save}.
   *
   * @return the metadata now in the file
   * @throws ModelFileException naming the file and the reason when it is not a usable model
   */
  public static ModelMetadata updateMetadata(Path file, UnaryOperator<ModelMetadata> change)
      throws IOException {
    ModelMetadata updated = change.apply(readMetadata(file));
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
          ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
        out.putNextEntry(new ZipEntry(METADATA_ENTRY));
        out.write(JSON.writeValueAsBytes(updated));
        out.closeEntry();
        ZipEntry entry;
        while ((entry = in.getNextEntry()) != null) {
          if (NETWORK_ENTRY.equals(entry.getName())) {
            out.putNextEntry(new ZipEntry(NETWORK_ENTRY));
            in.transferTo(out);
            out.closeEntry();
          }
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return updated;
  }
}
