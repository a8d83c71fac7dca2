package io.facetrail.matcher.enrol;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source recorded with a code enrolled from a photo ({@link
 * io.facetrail.matcher.gallery.StoredCode#source()}): the photo's file name, for audits, and the
 * SHA-256 of its bytes, so that enrolling the same photo again is recognised whatever it is called
 * now and whichever model or settings embedded it. Kept inside the existing source text so that no
 * gallery store changes its format; codes enrolled before carry no hash and are never matched.
 *
 * @param fileName the photo's file name
 * @param sha256 the SHA-256 of the photo's bytes, 64 lower-case hex digits
 */
public record PhotoSource(String fileName, String sha256) {
  private static final Pattern HASH = Pattern.compile(" sha256:([0-9a-f]{64})$");

  /** The source of a photo with these bytes. */
  public static PhotoSource of(Path photo, byte[] bytes) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return new PhotoSource(
          photo.getFileName().toString(), HexFormat.of().formatHex(digest.digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The photo hash a stored source carries, if it was written by {@link #text()}. */
  public static Optional<String> hashIn(String source) {
    Matcher m = HASH.matcher(source);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The text stored as the code's source. */
  public String text() {
    return fileName + " sha256:" + sha256;
  }
}
