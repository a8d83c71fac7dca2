package io.facetrail.ingest.engine;

/**
 * A stream's counters at one moment.
 *
 * @param framesDecoded frames the decoder produced (damaged ones included)
 * @param framesSkipped non-reference frames left undecoded because sampling would not select them
 * @param framesSelected intact frames the sampling policy selected and that were encoded
 * @param framesPublished selected frames Kafka acknowledged
 * @param framesDropped selected frames a live source dropped because publishing fell behind
 * @param framesCorrupt frames lost to corrupt data: damaged frames, packets the decoder refused,
 *     unreadable images; never selected, never published
 * @param readErrors failed reads in the middle of a file that were skipped
 * @param reconnects reconnection attempts of a live source
 * @param gaps interruptions of a live source that frames came back from ({@link StreamGap})
 */
public record StreamCounts(
    long framesDecoded,
    long framesSkipped,
    long framesSelected,
    long framesPublished,
    long framesDropped,
    long framesCorrupt,
    long readErrors,
    long reconnects,
    long gaps) {
  /** Frames of the input covered: decoded or deliberately skipped. */
  public long framesRead() {
    return framesDecoded + framesSkipped;
  }
}
