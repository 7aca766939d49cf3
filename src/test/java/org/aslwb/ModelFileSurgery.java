package org.aslwb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Rewrites the entries of model files (zips in zips) to make hostile or damaged copies. */
public final class ModelFileSurgery {
  /** The bundled demo model: a real model file, no training needed. */
  public static final Path DEMO_MODEL = Path.of("demo/demo-cnn.aslwb");

  private ModelFileSurgery() {}

  /** A copy of {@code model} at {@code out} whose network entries went through {@code edit}. */
  public static Path editNetwork(Path model, Path out, Consumer<Map<String, byte[]>> edit)
      throws IOException {
    return edit(
        model,
        out,
        outer -> {
          try {
            Map<String, byte[]> network = unzip(outer.get("network.zip"));
            edit.accept(network);
            outer.put("network.zip", zip(network));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  /** A copy of {@code model} at {@code out} whose outer entries went through {@code edit}. */
  public static Path edit(Path model, Path out, Consumer<Map<String, byte[]>> edit)
      throws IOException {
    Map<String, byte[]> outer = unzip(Files.readAllBytes(model));
    edit.accept(outer);
    Files.write(out, zip(outer));
    return out;
  }

  /** The entries of a zip, in order. */
  public static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  /** A zip of {@code entries}, deflated. */
  public static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A zip holding one entry of {@code size} zero bytes, streamed so the test stays small. */
  public static byte[] zeroBomb(String name, long size) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.setLevel(java.util.zip.Deflater.BEST_SPEED);
      out.putNextEntry(new ZipEntry(name));
      byte[] zeros = new byte[1 << 20];
      for (long written = 0; written < size; written += zeros.length) {
        out.write(zeros);
      }
      out.closeEntry();
    }
    return bytes.toByteArray();
  }
}
