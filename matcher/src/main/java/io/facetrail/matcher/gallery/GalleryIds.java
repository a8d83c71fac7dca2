package io.facetrail.matcher.gallery;

import io.facetrail.runtime.text.DisplayText;
import java.util.Optional;

/**
 * The rule for person and code ids that come from outside (an import file): 1 to {@value
 * #MAX_LENGTH} characters, none of them unsafe to display ({@link DisplayText#isUnsafe}) or white
 * space. Ids FaceTrail makes itself are UUIDs. Ids are printed by the gallery tools and are keys in
 * Redis and file names in a local gallery, so an empty or control-character id is refused rather
 * than stored.
 */
public final class GalleryIds {
  /** Longest id accepted. */
  public static final int MAX_LENGTH = 128;

  private GalleryIds() {}

  /** What is wrong with {@code id} (a {@code kind} id: "person", "code"), or empty. */
  public static Optional<String> problem(String kind, String id) {
    if (id == null || id.isEmpty()) {
      return Optional.of(kind + " id is empty");
    }
    if (id.length() > MAX_LENGTH) {
      return Optional.of(
          kind + " id is " + id.length() + " characters long, over the limit of " + MAX_LENGTH);
    }
    int bad = DisplayText.firstUnsafe(id);
    if (bad < 0) {
      bad = id.codePoints().filter(Character::isWhitespace).findFirst().orElse(-1);
    }
    if (bad >= 0) {
      return Optional.of(
          kind
              + " id '"
              + DisplayText.safe(id)
              + "' contains "
              + DisplayText.codePointName(bad)
              + " (control characters, bidi overrides and white space are not allowed)");
    }
    return Optional.empty();
  }
}
