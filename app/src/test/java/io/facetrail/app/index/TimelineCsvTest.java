package io.facetrail.app.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.app.report.TimelineFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineCsvTest {
  @TempDir Path dir;

  @Test
  void oneRowPerTrackInOrderOfAppearanceWithAHeader() throws Exception {
    Path file = dir.resolve("t.csv");
    TimelineCsv.write(TimelineFixtures.cast(), file);
    List<String> lines = List.of(Files.readString(file, StandardCharsets.UTF_8).split("\r\n"));
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).isEqualTo(String.join(",", TimelineCsv.HEADER));
    assertThat(lines.get(1))
        .isEqualTo(
            "lobby & hall.mp4,s1/t1,person,alice,Alice <A>,0.500,2.000,00:00.5,00:02.0,9,0.5000,0.9000");
    assertThat(lines.get(4))
        .isEqualTo("lobby & hall.mp4,s1/t4,unknown,,,6.500,7.500,00:06.5,00:07.5,6,1.3000,0.9000");
  }

  @Test
  void cellsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
    assertThat(TimelineCsv.quote("plain")).isEqualTo("plain");
    assertThat(TimelineCsv.quote("a,b")).isEqualTo("\"a,b\"");
    assertThat(TimelineCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(TimelineCsv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  @Test
  void cellsASpreadsheetWouldRunAsFormulasAreNeutralised() throws Exception {
    for (String formula :
        List.of("=1+2", "+1", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd", "=HYPERLINK(\"x\",\"y\")")) {
      assertThat(TimelineCsv.neutralised(formula)).as(formula).isEqualTo("'" + formula);
    }
    assertThat(TimelineCsv.cell("=1+2")).isEqualTo("'=1+2");
    assertThat(TimelineCsv.cell("\r=cmd")).isEqualTo("\"'\r=cmd\"");
    assertThat(TimelineCsv.cell("=SUM(A1,B1)")).isEqualTo("\"'=SUM(A1,B1)\"");
    assertThat(TimelineCsv.cell("Ada = Lovelace")).isEqualTo("Ada = Lovelace");
    assertThat(TimelineCsv.cell("")).isEmpty();

    Path file = dir.resolve("f.csv");
    TimelineCsv.write(
        new io.facetrail.app.report.VideoTimeline(
            "=cmd|' /C calc'!A0.mp4",
            "s1",
            2_000,
            null,
            List.of(TimelineFixtures.track("@t1", "-p1", "+Mallory", 0, 1_000))),
        file);
    String row = Files.readString(file, StandardCharsets.UTF_8).split("\r\n")[1];
    assertThat(row).startsWith("'=cmd|' /C calc'!A0.mp4,'@t1,person,'-p1,'+Mallory,0.000,");
  }
}
