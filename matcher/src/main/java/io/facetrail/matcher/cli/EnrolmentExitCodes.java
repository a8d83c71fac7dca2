package io.facetrail.matcher.cli;

/**
 * The exit codes of the commands that put photos or persons into the gallery ({@code gallery
 * enroll}, {@code add}, {@code import}), one set for all, shown in their {@code --help}. A refused
 * photo is not an error of the command: it is reported, and the exit code says whether the gallery
 * now holds everything that was asked for.
 */
final class EnrolmentExitCodes {
  /** Every photo is in the gallery: enrolled now, or enrolled before. */
  static final int DONE = 0;

  /** An error, or nothing done: no photo accepted (or the import refused). */
  static final int FAILED = 1;

  /** Done, with some photos refused (or some persons not enrolled); see the per-photo lines. */
  static final int PARTIAL = 3;

  static final String HEADING = "%nExit codes:%n";
  static final String DONE_LINE = "0:every photo is in the gallery (enrolled now or before)";
  static final String FAILED_LINE = "1:error, or nothing done (no photo accepted)";
  static final String USAGE_LINE = "2:invalid command line";
  static final String PARTIAL_LINE = "3:done, but some photos were refused (see their lines)";
  static final String CONFIG_LINE = "78:invalid configuration";
  static final String IMPORT_DONE_LINE = "0:every person of the file imported";
  static final String IMPORT_FAILED_LINE = "1:error; nothing imported";

  private EnrolmentExitCodes() {}

  /**
   * The exit code of an enrolment.
   *
   * @param inGallery photos now in the gallery (enrolled now or before)
   * @param notDone photos refused, or not tried because their person was ambiguous
   */
  static int of(long inGallery, long notDone) {
    if (notDone == 0) {
      return DONE;
    }
    return inGallery == 0 ? FAILED : PARTIAL;
  }
}
