package io.facetrail.runtime.text;

/**
 * Text that came from users or files (person names, file names, ids), made safe to print on a
 * terminal or in a log line. A name read from an old gallery or a folder name could otherwise carry
 * escape sequences that rewrite the screen (ESC, CSI), line breaks that forge output lines, or bidi
 * overrides that show text in another order than it is stored.
 */
public final class DisplayText {
  private DisplayText() {}

  /**
   * Whether a code point must not be shown as it is: C0 and C1 control characters and DEL, the line
   * and paragraph separators, and the bidi embeddings, overrides and isolates (U+202A-U+202E,
   * U+2066-U+2069).
   */
  public static boolean isUnsafe(int codePoint) {
    return Character.getType(codePoint) == Character.CONTROL
        || codePoint == 0x2028
        || codePoint == 0x2029
        || (codePoint >= 0x202A && codePoint <= 0x202E)
        || (codePoint >= 0x2066 && codePoint <= 0x2069);
  }

  /** The first unsafe code point of {@code s} ({@link #isUnsafe}), or -1 when there is none. */
  public static int firstUnsafe(String s) {
    return s.codePoints().filter(DisplayText::isUnsafe).findFirst().orElse(-1);
  }

  /**
   * {@code s} with every unsafe code point written as an escape ({@code \x1b}, {@code \u202e}), and
   * backslashes doubled so that an escape in the output is never ambiguous; {@code null} as "null".
   */
  public static String safe(String s) {
    if (s == null) {
      return "null";
    }
    if (firstUnsafe(s) < 0 && s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == '\\') {
                b.append("\\\\");
              } else if (!isUnsafe(cp)) {
                b.appendCodePoint(cp);
              } else if (cp <= 0xff) {
                b.append(String.format("\\x%02x", cp));
              } else {
                b.append(String.format("\\u%04x", cp));
              }
            });
    return b.toString();
  }

  /** How a code point is named in error messages: {@code U+001B}. */
  public static String codePointName(int codePoint) {
    return String.format("U+%04X", codePoint);
  }
}
