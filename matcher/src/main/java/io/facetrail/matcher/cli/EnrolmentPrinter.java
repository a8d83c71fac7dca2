package io.facetrail.matcher.cli;

import io.facetrail.matcher.enrol.Enroller;
import io.facetrail.matcher.enrol.PhotoOutcome;
import io.facetrail.runtime.text.DisplayText;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints what enrolment did, one line per photo ({@code PHOTO<tab>outcome<tab>detail}) and one per
 * person, and counts the photos for the exit code ({@link EnrolmentExitCodes}). Names and file
 * names are printed through {@link DisplayText#safe}: a folder or gallery name must not rewrite the
 * terminal.
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
      out.printf(
          "%s\t%s\t%s%n",
          DisplayText.safe(o.photo().toString()),
          o.result().name().toLowerCase(Locale.ROOT),
          DisplayText.safe(o.detail()));
    }
    inGallery += r.enrolled() + r.alreadyEnrolled();
    notDone += r.refused() + r.failed();
    out.printf("%s: %s%n", DisplayText.safe(name), summary(r));
  }

  /** Prints one person of a batch: their result, or why they could not be enrolled at all. */
  void print(Enroller.PersonOutcome p) {
    if (p.failedAsAWhole()) {
      failed(p.name(), p.photos().size(), p.failure());
    } else {
      print(p.name(), p.result());
    }
  }

  /** Prints a person that could not be enrolled at all, e.g. an ambiguous name. */
  void failed(String name, int photos, String reason) {
    notDone += photos;
    out.printf("%s: not enrolled: %s%n", DisplayText.safe(name), DisplayText.safe(reason));
  }

  /** The exit code for everything printed. */
  int exitCode() {
    return EnrolmentExitCodes.of(inGallery, notDone);
  }

  private static String summary(Enroller.Result r) {
    if (r.person().isEmpty()) {
      return "not enrolled (no photo accepted"
          + (r.failed() == 0 ? "" : ", " + photos(r.failed()) + " failed")
          + ")";
    }
    String id = r.person().get().id();
    String already =
        r.alreadyEnrolled() == 0 ? "" : ", " + photos(r.alreadyEnrolled()) + " already";
    String refused =
        (r.refused() == 0 ? "" : ", " + photos(r.refused()) + " refused")
            + (r.failed() == 0 ? "" : ", " + photos(r.failed()) + " failed");
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
