package io.facetrail.app.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choice of PyTorch native library ({@code src/main/sh/native-library.sh}, sourced
 * by {@code ./facetrail}), run in bash with the environments a user would set: which jars go on the
 * class path, what DJL is told through its variables, and which choices are refused.
 */
class LauncherNativeSelectionTest {
  private static final Path SCRIPT = Path.of("src/main/sh/native-library.sh").toAbsolutePath();
  private static final String CPU_JAR = "pytorch-native-cpu-2.7.1-linux-x86_64.jar";

  @TempDir Path dir;
  private Path lib;
  private Path home;

  /** What one selection left behind. */
  record Selection(int exit, Map<String, String> vars, String stderr) {
    List<String> jars() {
      return List.of(vars.get("classpath").split(":")).stream()
          .map(p -> Path.of(p).getFileName().toString())
          .toList();
    }
  }

  @BeforeEach
  void libFolder() throws IOException {
    lib = Files.createDirectories(dir.resolve("lib"));
    for (String jar : List.of("api-0.36.0.jar", "pytorch-jni-2.7.1-0.36.0.jar", CPU_JAR)) {
      Files.createFile(lib.resolve(jar));
    }
    home = Files.createDirectories(dir.resolve("home"));
  }

  private Selection select(Map<String, String> env) throws Exception {
    String script =
        "source \"$1\"; facetrail_native_select \"$2\" || exit $?;"
            + " printf 'classpath=%s\\n' \"$native_classpath\";"
            + " printf 'choice=%s\\n' \"$native_choice\";"
            + " for v in PYTORCH_FLAVOR PYTORCH_LIBRARY_PATH DJL_OFFLINE; do"
            + "   printf '%s=%s\\n' \"$v\" \"${!v-<unset>}\"; done";
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", script, "test", SCRIPT.toString(), lib.toString());
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv("PATH"));
    pb.environment().put("HOME", home.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Map<String, String> vars = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        vars.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return new Selection(p.exitValue(), vars, err);
  }

  private Path libtorch(String name, boolean cuda) throws IOException {
    Path d = Files.createDirectories(dir.resolve(name).resolve("lib"));
    Files.createFile(d.resolve("libtorch.so"));
    if (cuda) {
      Files.createFile(d.resolve("libtorch_cuda.so"));
    }
    return d;
  }

  @Test
  void byDefaultTheCpuJarIsOnTheClassPathAndDjlVariablesAreCleared() throws Exception {
    Selection s = select(Map.of("PYTORCH_FLAVOR", "cu128"));
    assertThat(s.exit()).isZero();
    assertThat(s.jars())
        .containsExactlyInAnyOrder("api-0.36.0.jar", "pytorch-jni-2.7.1-0.36.0.jar", CPU_JAR);
    assertThat(s.vars())
        .containsEntry("PYTORCH_FLAVOR", "<unset>")
        .containsEntry("PYTORCH_LIBRARY_PATH", "<unset>")
        .containsEntry("DJL_OFFLINE", "<unset>");
    assertThat(s.vars().get("choice"))
        .isEqualTo("cpu: PyTorch's CPU build from " + CPU_JAR + " (the default)");
  }

  @Test
  void cpuAskedForIgnoresALibraryPath() throws Exception {
    Path cuda = libtorch("libtorch-cu128", true);
    Selection s =
        select(Map.of("FACETRAIL_NATIVE", "cpu", "PYTORCH_LIBRARY_PATH", cuda.toString()));
    assertThat(s.exit()).isZero();
    assertThat(s.jars()).contains(CPU_JAR);
    assertThat(s.vars()).containsEntry("PYTORCH_LIBRARY_PATH", "<unset>");
    assertThat(s.vars().get("choice")).endsWith("(FACETRAIL_NATIVE=cpu)");
  }

  @Test
  void cudaFromDjlsCacheLeavesTheCpuJarOff() throws Exception {
    Path cache = dir.resolve("djl");
    Path cu = Files.createDirectories(cache.resolve("pytorch/2.7.1-cu128-linux-x86_64"));
    Files.createFile(cu.resolve("libtorch.so"));
    Selection s = select(Map.of("FACETRAIL_NATIVE", "cuda", "DJL_CACHE_DIR", cache.toString()));
    assertThat(s.exit()).as(s.stderr()).isZero();
    assertThat(s.jars()).doesNotContain(CPU_JAR).contains("pytorch-jni-2.7.1-0.36.0.jar");
    assertThat(s.vars())
        .containsEntry("PYTORCH_FLAVOR", "cu128")
        .containsEntry("DJL_OFFLINE", "<unset>");
    assertThat(s.vars().get("choice")).contains("from DJL's cache " + cu);
  }

  @Test
  void cudaWithoutACachedLibraryIsRefusedUnlessADownloadIsAllowed() throws Exception {
    Selection refused = select(Map.of("FACETRAIL_NATIVE", "cuda"));
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.stderr())
        .contains(home.resolve(".djl.ai/pytorch/2.7.1-cu128-linux-x86_64/libtorch.so").toString())
        .contains("FACETRAIL_NATIVE_DOWNLOAD=true");

    Selection download =
        select(Map.of("FACETRAIL_NATIVE", "cuda", "FACETRAIL_NATIVE_DOWNLOAD", "true"));
    assertThat(download.exit()).isZero();
    assertThat(download.vars()).containsEntry("DJL_OFFLINE", "false");
    assertThat(download.jars()).doesNotContain(CPU_JAR);
  }

  @Test
  void cudaWithALibraryPathNeedsACudaBuildThere() throws Exception {
    Path cuda = libtorch("libtorch-cu128", true);
    Selection s =
        select(Map.of("FACETRAIL_NATIVE", "cuda", "PYTORCH_LIBRARY_PATH", cuda.toString()));
    assertThat(s.exit()).isZero();
    assertThat(s.vars())
        .containsEntry("PYTORCH_FLAVOR", "cu128")
        .containsEntry("PYTORCH_LIBRARY_PATH", cuda.toString());

    Path cpu = libtorch("libtorch-cpu", false);
    Selection wrong =
        select(Map.of("FACETRAIL_NATIVE", "cuda", "PYTORCH_LIBRARY_PATH", cpu.toString()));
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.stderr()).contains("CPU build of libtorch (no libtorch_cuda.so)");
  }

  @Test
  void aLibraryPathAloneMeansLocalWithTheFlavourOfItsBuild() throws Exception {
    Path cuda = libtorch("libtorch-cu128", true);
    Selection s = select(Map.of("PYTORCH_LIBRARY_PATH", cuda.toString()));
    assertThat(s.exit()).isZero();
    assertThat(s.jars()).doesNotContain(CPU_JAR);
    assertThat(s.vars()).containsEntry("PYTORCH_FLAVOR", "cu128");
    assertThat(s.vars().get("choice"))
        .startsWith("local: the cu128 build")
        .endsWith("(PYTORCH_LIBRARY_PATH is set)");

    Path cpu = libtorch("libtorch-cpu", false);
    assertThat(select(Map.of("PYTORCH_LIBRARY_PATH", cpu.toString())).vars())
        .containsEntry("PYTORCH_FLAVOR", "cpu");
  }

  @Test
  void choicesThatCannotWorkAreRefusedWithTheReason() throws Exception {
    Path cuda = libtorch("libtorch-cu128", true);
    assertThat(select(Map.of("FACETRAIL_NATIVE", "rocm")).stderr())
        .contains("is not one of cpu, cuda, local");
    assertThat(select(Map.of("FACETRAIL_NATIVE", "local")).stderr())
        .contains("needs PYTORCH_LIBRARY_PATH");
    assertThat(select(Map.of("PYTORCH_LIBRARY_PATH", dir.toString())).stderr())
        .contains("holds no libtorch.so");
    assertThat(select(Map.of("FACETRAIL_NATIVE", "cuda", "PYTORCH_FLAVOR", "cu126")).stderr())
        .contains("CUDA build for cu128 only");
    assertThat(select(Map.of("PYTORCH_VERSION", "2.11.0")).exit()).isEqualTo(1);
    Files.writeString(cuda.resolve("../build-version"), "2.11.0+cu128\n");
    Selection newer = select(Map.of("PYTORCH_LIBRARY_PATH", cuda.toString()));
    assertThat(newer.exit()).isEqualTo(1);
    assertThat(newer.stderr()).contains("is libtorch 2.11.0+cu128");
  }

  @Test
  void aLibFolderWithoutTheCpuJarCannotRunOnTheCpuBuild() throws Exception {
    Files.delete(lib.resolve(CPU_JAR));
    Selection s = select(Map.of());
    assertThat(s.exit()).isEqualTo(1);
    assertThat(s.stderr()).contains("no pytorch-native-cpu jar");
  }
}
