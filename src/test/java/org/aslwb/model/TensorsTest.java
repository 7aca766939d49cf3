package org.aslwb.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TensorsTest {
  @Test
  void bulkCopiesAgreeWithNd4jElementByElement() {
    Engine.start();
    float[] values = new float[2 * 3 * 4 * 5];
    Random random = new Random(3);
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextFloat() * 2 - 1;
    }
    INDArray bulk = Tensors.fromFloats(values, 2, 3, 4, 5);
    INDArray reference = Nd4j.create(values, new long[] {2, 3, 4, 5}, 'c');
    assertEquals(reference, bulk);
    assertEquals(values[1 * 20 + 2 * 5 + 3], bulk.getFloat(0, 1, 2, 3), 0f);
    assertArrayEquals(values, Tensors.toFloats(bulk));
  }

  @Test
  void readingAViewOrAnotherOrderGivesItsValuesInCOrder() {
    Engine.start();
    INDArray a = Nd4j.arange(24).castTo(DataType.FLOAT).reshape('c', 2, 3, 4);
    INDArray view = a.permute(2, 0, 1).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3));
    assertArrayEquals(view.dup('c').data().asFloat(), Tensors.toFloats(view));
    assertArrayEquals(
        new float[] {0, 1, 2, 3}, Tensors.toFloats(Nd4j.arange(4).castTo(DataType.DOUBLE)));
  }

  @Test
  void aShapeThatDoesNotFitTheValuesIsRefused() {
    Engine.start();
    assertThrows(IllegalArgumentException.class, () -> Tensors.fromFloats(new float[5], 2, 3));
  }
}
