package io.facetrail.evaluation.detection;

/** Face heights in frame pixels (the ground-truth box, forehead to chin). */
enum SizeBucket {
  TINY("30-40", 30, 40),
  SMALL("40-60", 40, 60),
  MEDIUM("60-90", 60, 90),
  LARGE("90-120", 90, 121);

  final String label;
  final int from;
  final int to;

  SizeBucket(String label, int from, int to) {
    this.label = label;
    this.from = from;
    this.to = to;
  }

  static SizeBucket of(double height) {
    for (SizeBucket b : values()) {
      if (height >= b.from && height < b.to) {
        return b;
      }
    }
    return height < TINY.from ? TINY : LARGE;
  }
}
