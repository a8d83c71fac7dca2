package io.facetrail.evaluation.detection;

/** The yaw ranges the targets are set for; faces turned further are not sampled. */
enum YawBucket {
  FRONTAL("0-15", 0, 15),
  THREE_QUARTER("15-45", 15, 45),
  PROFILE("45-75", 45, 75);

  final String label;
  final double from;
  final double to;

  YawBucket(String label, double from, double to) {
    this.label = label;
    this.from = from;
    this.to = to;
  }

  /** The bucket of an absolute yaw, or null beyond the last. */
  static YawBucket of(double yaw) {
    for (YawBucket b : values()) {
      if (yaw >= b.from && yaw < b.to) {
        return b;
      }
    }
    return null;
  }
}
