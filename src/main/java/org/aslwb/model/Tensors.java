package org.aslwb.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between Java float arrays and ND4J arrays. ND4J's own {@code Nd4j.create(float[],
 * ...)} and {@code data().asFloat()} move one element per virtual call; a batch of 128 images at
 * 64x64 is 1.5 million of them, which a profile of the FGSM sweep showed as its largest Java cost.
 * These go through the native buffer's {@link java.nio.FloatBuffer} view in one copy.
 */
public final class Tensors {
  private Tensors() {}

  /** A new float array of {@code shape} in C order holding {@code values}. */
  public static INDArray fromFloats(float[] values, long... shape) {
    INDArray out = Nd4j.createUninitializedDetached(DataType.FLOAT, 'c', shape);
    if (out.length() != values.length) {
      throw new IllegalArgumentException(
          values.length + " values for shape " + java.util.Arrays.toString(shape));
    }
    out.data().asNioFloat().put(values);
    return out;
  }

  /** The values of a float array in C order. */
  public static float[] toFloats(INDArray array) {
    INDArray c = array.dup('c'); // own buffer, offset 0, C order
    if (c.dataType() != DataType.FLOAT) {
      c = c.castTo(DataType.FLOAT);
    }
    float[] out = new float[(int) c.length()];
    c.data().asNioFloat().get(out);
    return out;
  }
}
