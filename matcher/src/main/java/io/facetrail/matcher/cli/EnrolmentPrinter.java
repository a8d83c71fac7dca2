package io.facetrail.matcher.cli;

import io.facetrail.matcher.enrol.Enroller;
import io.facetrail.matcher.enrol.PhotoOutcome;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints what enrolment did, one line per photo ({@code PHOTO<tab>outcome<tab>detail}) and one per
 * person, and counts the photos for the exit code ({@link EnrolmentExitCodes}).
 */
final class EnrolmentPrinter {
  private final PrintWriter out;
  private long inGallery;
  private long notDone;

  EnrolmentPrinter(PrintWriter out) {
    this.out = out;
  }

  /** Prints one person's result; {@code name} is how the user named the person. */
  void print(String name, Enroller.Result r) {
    for (PhotoOutcome o : r.outcomes()) {
      out.printf("%s\t%s\t%s%n", o.photo(), o.result().name().toLowerCase(Locale.ROOT), o.detail());
    }
    inGallery += r.enrolled() + r.alreadyEnrolled();
    notDone += r.refused();
    out.printf("%s: %s%n", name, summary(r));
  }

  /** Prints a person that could not be enrolled at all, e.g. an ambiguous name. */
  void failed(String name, int photos, String reason) {
    notDone += photos;
    out.printf("%s: not enrolled: %s%n", name, reason);
  }

  /** The exit code for everything printed. */
  int exitCode() {
    return EnrolmentExitCodes.of(inGallery, notDone);
  }

  private static String summary(Enroller.Result r) {
    if (r.person().isEmpty()) {
      return "not enrolled (no photo accepted)";
    }
    String id = r.person().get().id();
    String already =
        r.alreadyEnrolled() == 0 ? "" : ", " + photos(r.alreadyEnrolled()) + " already";
    String refused = r.refused() == 0 ? "" : ", " + photos(r.refused()) + " refused";
    if (r.created()) {
      return "enrolled as " + id + " from " + photos(r.enrolled()) + refused;
    }
    return (r.enrolled() == 0 ? "nothing added to " : photos(r.enrolled()) + " added to ")
        + id
        + already
        + refused;
  }

  private static String photos(long n) {
    return n + (n == 1 ? " photo" : " photos");
  }
}
