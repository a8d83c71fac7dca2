package io.facetrail.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.app.report.TimelineFixtures;
import io.facetrail.contracts.identity.IdentityEventType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventPrinterTest {
  private final EventPrinter printer =
      new EventPrinter(
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          false,
          Map.of("lobby", "lobby.mp4"));

  @Test
  void identifiedLinesNameThePersonTheTrackAndTheMatchedFrames() {
    String line =
        printer.line(
            TimelineFixtures.identity(
                IdentityEventType.IDENTIFIED, "lobby", "lobby/r0/t0", "Alice", 500, 1500));
    assertThat(line)
        .contains("identified", "Alice", "track lobby/r0/t0", "at FAR 1e-03", "5 frames matched");
  }

  @Test
  void identifiedLinesSayTheFpirAndGallerySizeTheDecisionWasMadeAt() {
    String line =
        printer.line(
            TimelineFixtures.atFpir(
                TimelineFixtures.identity(
                    IdentityEventType.IDENTIFIED, "lobby", "lobby/r0/t0", "Alice", 500, 1500),
                1e-2,
                820));
    assertThat(line).contains("at FPIR 1e-02 with 820 enrolled").doesNotContain("FAR");
  }

  @Test
  void unknownLinesSayTheFramesCountedAreThoseGoodEnoughToMatch() {
    String line =
        printer.line(
            TimelineFixtures.identity(
                IdentityEventType.UNKNOWN, "lobby", "lobby/r0/t2", null, 5000, 8400));
    assertThat(line).contains("unknown face", "track lobby/r0/t2", "5 frames good enough to match");
  }

  @Test
  void namesAndInputsThatCouldRewriteTheTerminalArePrintedEscaped() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EventPrinter plain =
        new EventPrinter(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            false,
            Map.of("lobby", "lobby\u001b[2J.mp4"));
    plain.accept(
        TimelineFixtures.identity(
            IdentityEventType.IDENTIFIED,
            "lobby",
            "lobby/r0/t0",
            "Eve\u202Eevil\u001b]0;x\u0007",
            0,
            1));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("[lobby\\x1b[2J.mp4")
        .contains("Eve\\u202eevil\\x1b]0;x\\x07")
        .doesNotContain("\u001b")
        .doesNotContain("\u202E");
  }
}
