package io.facetrail.faces.trained;

import io.facetrail.faces.image.RgbImage;

/**
 * How a 150x150 aligned chip becomes a smaller student chip.
 *
 * <ul>
 *   <li>{@link #CROP}: the central square at full resolution. The face is at the scale v1's early
 *       layers were trained for, so their features over the face are v1's own; the student loses
 *       the chip's margin (dlib's chip pads the face by a quarter on each side) instead of detail.
 *   <li>{@link #SCALE}: the whole chip downscaled by area averaging ({@link ChipScaler}). Keeps the
 *       context but shows v1's frozen early layers faces at 0.69x the scale they were trained on.
 * </ul>
 */
public enum ChipReduction {
  CROP,
  SCALE;

  /** Offsets are multiples of 8 so the stem, pooling and first down-sampling grids match v1's. */
  private static final int GRID = 8;

  /** {@code chip} reduced to {@code size x size}. */
  public RgbImage apply(RgbImage chip, int size) {
    if (chip.width() == size && chip.height() == size) {
      return chip;
    }
    return switch (this) {
      case SCALE -> ChipScaler.toSquare(chip, size);
      case CROP -> chip.crop(offset(chip.width(), size), offset(chip.height(), size), size, size);
    };
  }

  /** The crop's start: the centred start rounded to the nearest multiple of 8 that fits. */
  static int offset(int side, int size) {
    if (size > side) {
      throw new IllegalArgumentException("cannot crop " + size + " pixels from " + side);
    }
    int centred = Math.round((side - size) / 2f / GRID) * GRID;
    return Math.max(0, Math.min(side - size, centred));
  }

  /**
   * The reduction a {@code model.json} names by its {@link #tag()}.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static ChipReduction parse(String tag) {
    for (ChipReduction r : values()) {
      if (r.tag().equals(tag)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown chip reduction '" + tag + "' (crop or scale expected)");
  }

  /** Lower-case name for file names, ids and JSON. */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
