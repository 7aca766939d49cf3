package org.aslwb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendTest {
  @TempDir Path dir;

  /** {@code aslwb ARGS} in a child JVM with this test's class path: exit code and stderr. */
  private static String[] run(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.aslwb.cli.Aslwb"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new String[] {Integer.toString(p.waitFor()), err};
  }

  private static boolean nvidiaGpu() {
    return Files.exists(Path.of("/dev/nvidiactl")) || Files.exists(Path.of("/proc/driver/nvidia"));
  }

  @Test
  void backendsParseAndABadOneIsNamed() {
    assertEquals(Backend.CUDA, Backend.parse(" CUDA ", "--backend"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Backend.parse("gpu", "ASLWB_BACKEND"));
    assertEquals("ASLWB_BACKEND gpu: the backend is cpu or cuda", e.getMessage());
    assertTrue(Backend.CPU.inBuild(), "every build carries the CPU backend");
  }

  @Test
  void theStatusBarLineNamesTheBackend() {
    assertEquals(
        "ND4J CPU onednn-avx2 (oneDNN on), started in 5 ms",
        new Engine.EngineInfo(Backend.CPU, "onednn-avx2", true, true, "", 5).describe());
    assertEquals(
        "ND4J CUDA on NVIDIA H200 (cudnn), started in 9 ms",
        new Engine.EngineInfo(Backend.CUDA, "cudnn", true, false, "NVIDIA H200", 9).describe());
  }

  @Test
  void theFilterShowsNd4jOnlyTheChosenBackend() throws Exception {
    ClassLoader parent = getClass().getClassLoader();
    List<?> cpu =
        Collections.list(
            new BackendClassLoader(parent, Backend.CPU)
                .getResources(BackendClassLoader.SERVICE_FILE));
    assertEquals(1, cpu.size(), cpu.toString());
    List<?> cuda =
        Collections.list(
            new BackendClassLoader(parent, Backend.CUDA)
                .getResources(BackendClassLoader.SERVICE_FILE));
    assertEquals(Backend.CUDA.inBuild() ? 1 : 0, cuda.size(), cuda.toString());
    assertFalse(
        Collections.list(parent.getResources(BackendClassLoader.SERVICE_FILE)).isEmpty(),
        "ND4J's own service files are untouched for everything else");
  }

  @Test
  void cudaInTheCpuBuildIsRefusedWithExit2NamingTheProfile() throws Exception {
    assumeFalse(Backend.CUDA.inBuild(), "a -Pcuda build: the CUDA backend is there");
    String[] r = run("--backend", "cuda", "predict", "--model", "no-such.aslwb", "x.png");
    assertEquals("2", r[0], r[1]);
    assertTrue(r[1].contains("no cuda backend") && r[1].contains("-Pcuda"), r[1]);
    String[] bad = run("predict", "--backend", "gpu", "--model", "m", "x.png");
    assertEquals("2", bad[0], bad[1]);
    assertTrue(bad[1].contains("'gpu' is not cpu or cuda"), bad[1]);
  }

  @Test
  void onAGpuCudaGivesTheCpuOutputsOnTheSameWeights() throws Exception {
    assumeTrue(
        Backend.CUDA.inBuild() && nvidiaGpu(),
        "skipped: needs a build made with mvn -Pcuda and an NVIDIA GPU (scripts/gpu-check.sh"
            + " runs this check and the GPU benchmarks on such a machine)");
    Path model = Path.of("demo", "demo-cnn.aslwb");
    Path cpu = dir.resolve("cpu.txt");
    String[] a =
        run(
            "bench",
            "outputs",
            "--backend",
            "cpu",
            "--model",
            model.toString(),
            "--data",
            "sample-images",
            "--out",
            cpu.toString());
    assertEquals("0", a[0], a[1]);
    String[] b =
        run(
            "bench",
            "outputs",
            "--backend",
            "cuda",
            "--model",
            model.toString(),
            "--data",
            "sample-images",
            "--out",
            dir.resolve("cuda.txt").toString(),
            "--compare",
            cpu.toString());
    assertEquals("0", b[0], "CUDA outputs differ from the CPU's: " + b[1]);
  }
}
