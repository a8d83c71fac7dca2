package io.facetrail.ingest.engine;

import io.facetrail.ingest.media.EncodedImage;

/** A selected, encoded frame waiting to be published. */
record PendingFrame(
    long sequence, long mediaTimeUs, long captureTimeMs, boolean keyFrame, EncodedImage image) {}
