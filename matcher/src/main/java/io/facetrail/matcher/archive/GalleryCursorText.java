package io.facetrail.matcher.archive;

import io.facetrail.matcher.gallery.GalleryChanges;
import java.util.Optional;

/**
 * The gallery cursor an archive's decisions were last brought up to date with, as the archive
 * stores it: three lines (epoch, version, feed position). A text the archive cannot read counts as
 * none recorded, so the next catch-up re-decides everything rather than trusting it.
 */
final class GalleryCursorText {
  private GalleryCursorText() {}

  static String write(GalleryChanges.Cursor c) {
    return c.epoch() + "\n" + c.version() + "\n" + c.feedPosition() + "\n";
  }

  static Optional<GalleryChanges.Cursor> read(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] lines = text.split("\n", -1);
    if (lines.length < 3 || lines[0].isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new GalleryChanges.Cursor(lines[0], Long.parseLong(lines[1]), lines[2]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
