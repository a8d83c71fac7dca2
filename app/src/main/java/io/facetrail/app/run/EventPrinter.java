package io.facetrail.app.run;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventSerde;
import io.facetrail.contracts.identity.PersonRef;
import io.facetrail.runtime.text.DisplayText;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Prints identity events as they arrive: one readable line each, or (JSON mode) exactly the JSON
 * document of the identity topic, one per line.
 */
final class EventPrinter implements Consumer<IdentityEvent> {
  private final PrintStream out;
  private final boolean json;
  private final Map<String, String> inputNames;

  /**
   * @param inputNames stream id to the input as the user gave it
   */
  EventPrinter(PrintStream out, boolean json, Map<String, String> inputNames) {
    this.out = out;
    this.json = json;
    this.inputNames = inputNames;
  }

  @Override
  public synchronized void accept(IdentityEvent e) {
    if (json) {
      out.println(IdentityEventSerde.toJson(e));
    } else {
      // Names, input names and ids come from users and files: none may rewrite the terminal.
      out.println(DisplayText.safe(line(e)));
    }
    out.flush();
  }

  String line(IdentityEvent e) {
    String where = inputNames.getOrDefault(e.streamId(), e.streamId());
    String seen = MediaTime.range(e.firstSeen().mediaTimeMs(), e.lastSeen().mediaTimeMs());
    String head =
        String.format(
            Locale.ROOT,
            "[%s %s] %-10s",
            where,
            MediaTime.format(e.lastSeen().mediaTimeMs()),
            e.type().json());
    return switch (e.type()) {
      case IDENTIFIED ->
          String.format(
              Locale.ROOT,
              "%s %s  (track %s, distance %.3f ≤ %.3f at %s, %d frames matched)",
              head,
              name(e.person()),
              e.trackId(),
              e.distance(),
              e.threshold(),
              operatingPoint(e),
              e.framesUsed());
      case CHANGED ->
          String.format(
              Locale.ROOT,
              "%s %s → %s  (track %s, distance %.3f)",
              head,
              name(e.previousPerson()),
              name(e.person()),
              e.trackId(),
              e.distance());
      case ENDED ->
          String.format(
              Locale.ROOT,
              "%s %s  (track %s, seen %s)",
              head,
              // An ended event without a person: they were erased while the track was open.
              e.person() == null ? "(a person erased meanwhile)" : name(e.person()),
              e.trackId(),
              seen);
      case UNKNOWN ->
          String.format(
              Locale.ROOT,
              "%s unknown face  (track %s, seen %s, %s)",
              head,
              e.trackId(),
              seen,
              FrameUseText.of(e));
    };
  }

  private static String name(PersonRef p) {
    if (p == null) {
      return "(nobody)";
    }
    return p.name() == null ? "(erased person " + p.id() + ")" : p.name();
  }

  /**
   * The rate the decision was made at: the FPIR and gallery size when the threshold followed the
   * gallery's size, else the fixed per-comparison false-accept rate.
   */
  private static String operatingPoint(IdentityEvent e) {
    if (e.fpir() != null && e.gallerySize() != null) {
      return String.format(Locale.ROOT, "FPIR %.0e with %d enrolled", e.fpir(), e.gallerySize());
    }
    return e.falseAcceptRate() == null
        ? "FAR ?"
        : String.format(Locale.ROOT, "FAR %.0e", e.falseAcceptRate());
  }
}
