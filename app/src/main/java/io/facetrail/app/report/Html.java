package io.facetrail.app.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;

/** Writing HTML safely: escaped text and attributes, and the sources of face images. */
final class Html {
  private Html() {}

  /**
   * {@code s} as HTML text or attribute value. Every user- and file-derived string (names, file
   * names, ids) goes through here.
   */
  static String esc(String s) {
    Objects.requireNonNull(s, "HTML text");
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Where the report finds a face: the file next to the report (a relative link, so the folder can
   * be moved as a whole), or the JPEG itself as a data URI (a report that is one file).
   */
  static String imageSource(FaceImage face, Path reportDir) {
    if (face.file() != null) {
      Path rel = reportDir.toAbsolutePath().normalize().relativize(face.file().toAbsolutePath());
      try {
        // The URI constructor percent-encodes what a path segment may not hold (spaces, #, ?).
        // "./" keeps a first segment with a colon ("cam1:lobby.mp4.faces/...") a relative path:
        // without it the URI has the scheme "cam1" and no path (and a browser would follow a
        // "javascript:" file name as a script).
        String path = rel.toString().replace('\\', '/');
        return new URI(null, null, path.startsWith("../") ? path : "./" + path, null).getRawPath();
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("cannot link " + rel + " from the report", e);
      }
    }
    return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(face.jpeg());
  }

  /** A person's colour as CSS (see {@link PersonColour}). */
  static String personColour(String personId) {
    return PersonColour.css(personId);
  }
}
