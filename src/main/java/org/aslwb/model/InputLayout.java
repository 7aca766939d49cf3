package org.aslwb.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** How a network wants its image batches laid out: ours take NCHW, Keras models NHWC. */
public enum InputLayout {
  /** [batch, channels, height, width]: DL4J's own convolution layers. */
  CHANNELS_FIRST,
  /** [batch, height, width, channels]: models imported from Keras ("channels_last"). */
  CHANNELS_LAST;

  /** An NCHW batch in this layout. */
  INDArray fromChannelsFirst(INDArray nchw) {
    return this == CHANNELS_FIRST ? nchw : nchw.permute(0, 2, 3, 1).dup('c');
  }

  /** A batch in this layout as NCHW (gradients go back to the pixel layout). */
  INDArray toChannelsFirst(INDArray batch) {
    return this == CHANNELS_FIRST ? batch : batch.permute(0, 3, 1, 2).dup('c');
  }
}
