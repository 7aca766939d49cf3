package org.nd4j.nativeblas;

/**
 * Compatibility shim that switches DL4J's oneDNN layer helpers on with ND4J 1.0.0-M2.1.
 *
 * <p>{@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper#mklDnnEnabled} looks up {@code
 * org.nd4j.nativeblas.Nd4jCpu$Environment#isUseMKLDNN} by reflection, but M2.1 moved that class to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and renamed the method to
 * {@code isUseONEDNN}. The lookup fails silently and every conv/pool/batch-norm layer runs the slow
 * plain path. This class restores the old name and delegates to the new one. It only takes effect
 * together with {@code -Dorg.eclipse.deeplearning4j.helpers.disable=false}, which {@link
 * org.aslwb.model.Engine} sets.
 */
public final class Nd4jCpu {
  private Nd4jCpu() {}

  /** The old binding's environment facade: only what {@code BaseMKLDNNHelper} calls. */
  public static final class Environment {
    private static final Environment INSTANCE = new Environment();

    private Environment() {}

    /** The singleton, as the old native binding offered it. */
    public static Environment getInstance() {
      return INSTANCE;
    }

    /** Whether the loaded native build has oneDNN and uses it. */
    public boolean isUseMKLDNN() {
      return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
    }
  }
}
