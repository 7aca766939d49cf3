package org.aslwb.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 2-D integer label map saved by NumPy ({@code np.save}), as the scikit-image anchor writes
 * it, so that our superpixels can be compared with scikit-image's pixel by pixel.
 *
 * @param width columns
 * @param height rows
 * @param labels row-major labels
 */
record NpyLabels(int width, int height, int[] labels) {
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<|]?[iu][1248])'");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)\\)");

  static NpyLabels read(Path file) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[6];
    in.get(magic);
    if (!new String(magic, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
      throw new IOException(file + ": not a .npy file");
    }
    int major = in.get();
    in.get();
    int headerLength = major == 1 ? Short.toUnsignedInt(in.getShort()) : in.getInt();
    byte[] headerBytes = new byte[headerLength];
    in.get(headerBytes);
    String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
    Matcher descr = DESCR.matcher(header);
    Matcher shape = SHAPE.matcher(header);
    if (!descr.find() || !shape.find() || header.contains("'fortran_order': True")) {
      throw new IOException(file + ": expected a C-ordered 2-D integer array, found " + header);
    }
    int height = Integer.parseInt(shape.group(1));
    int width = Integer.parseInt(shape.group(2));
    int bytes = descr.group(1).charAt(descr.group(1).length() - 1) - '0';
    int[] labels = new int[width * height];
    for (int i = 0; i < labels.length; i++) {
      labels[i] =
          switch (bytes) {
            case 1 -> Byte.toUnsignedInt(in.get());
            case 2 -> in.getShort();
            case 4 -> in.getInt();
            default -> Math.toIntExact(in.getLong());
          };
    }
    return new NpyLabels(width, height, labels);
  }
}
