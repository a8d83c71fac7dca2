package io.facetrail.evaluation.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.quality.GateTable;
import io.facetrail.faces.quality.Measure;
import io.facetrail.runtime.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code eval quality} on a small LFW subset (two identities per half) through the real models:
 * every degradation is coded, the report half is reported, the fit half writes a table the face
 * library reads, and what is plainly true of these photos holds: the photos as they are match their
 * own person, and no impostor is accepted at FAR 1e-3 among so few. The both-degraded lines are
 * printed (their pairing is checked on hand-made faces in {@code BothDegradedTallyTest}).
 */
class EvalQualityIT {
  @Test
  void codesDegradedPairsAndWritesAGateTable(@TempDir Path dir) throws Exception {
    Path lfw = SharedData.requireLfw();
    Path table = dir.resolve("gate.json");
    Path samples = dir.resolve("samples.jsonl");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      exit =
          new CommandLine(new EvalQualityCommand())
              .execute(
                  "--lfw-dir", lfw.toString(),
                  "--persons", "2",
                  "--samples", samples.toString(),
                  "--table-out", table.toString(),
                  "--out", dir.resolve("out").toString());
    } finally {
      System.setOut(stdout);
    }
    assertThat(exit).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).contains("\"config\"", "\"far\":0.001");
    String original =
        lines.stream()
            .filter(l -> l.contains("\"half\":\"report\",\"degradation\":\"original\""))
            .findFirst()
            .orElseThrow();
    assertThat(original).contains("\"photos\":2", "\"faces\":2", "\"accepted\":2");
    assertThat(lines).anyMatch(l -> l.contains("\"degradation\":\"height 24px\""));
    assertThat(lines).anyMatch(l -> l.contains("\"degradation\":\"light x0.08\""));
    assertThat(lines).anyMatch(l -> l.contains("\"gate\":{\"floor\":0.5}"));
    assertThat(lines)
        .filteredOn(l -> l.contains("\"degradation\":\"original\""))
        .allMatch(l -> l.contains("\"falseAccepts\":0"));
    assertThat(Files.size(dir.resolve("out").resolve("quality.png"))).isPositive();
    List<String> sampled = Files.readAllLines(samples);
    assertThat(sampled)
        .filteredOn(l -> l.contains("\"reference\":true") && l.contains("\"measure\":null"))
        .hasSize(2 * 2);
    // The report half's references (both found, as their accepts show) degraded like the probes.
    assertThat(sampled)
        .filteredOn(
            l -> l.contains("\"reference\":true") && l.contains("\"measure\":\"FACE_HEIGHT\""))
        .hasSizeGreaterThanOrEqualTo(2 * 6);
    assertThat(lines).anyMatch(l -> l.contains("\"bothDegradedConfig\""));
    assertThat(lines)
        .anyMatch(
            l ->
                l.contains("\"bothDegraded\":{\"half\":\"report\",\"measure\":\"FACE_HEIGHT\"")
                    && l.contains("\"targetFar\":1.0E-4"));
    assertThat(lines).filteredOn(l -> l.contains("\"bothDegradedFloor\"")).hasSize(3 * 2);
    try (InputStream in = Files.newInputStream(table)) {
      GateTable t = GateTable.read(in);
      assertThat(t.byMeasure()).containsOnlyKeys(Measure.values());
      assertThat(t.threshold()).isBetween(0.2, 0.6);
    }
  }
}
