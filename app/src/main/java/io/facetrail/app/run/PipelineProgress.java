package io.facetrail.app.run;

import io.facetrail.contracts.proto.FacesRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * How far the face analysis has got in each stream, read from the faces topic (the embedder writes
 * one record per frame, faces or not). Ingest runs ahead of the models, so this, not the decoder's
 * position, tells how much of an input has really been analysed.
 */
public final class PipelineProgress implements Consumer<FacesRecord> {
  /**
   * One stream's progress.
   *
   * @param frames frames analysed
   * @param mediaTimeUs media time of the last analysed frame, microseconds (-1 before the first)
   * @param ended whether the stream's end-of-stream marker has passed the embedder
   */
  public record Position(long frames, long mediaTimeUs, boolean ended) {
    static final Position NONE = new Position(0, -1, false);
  }

  private final Map<String, Position> streams = new ConcurrentHashMap<>();

  @Override
  public void accept(FacesRecord r) {
    if (r.hasFrameFaces()) {
      var f = r.getFrameFaces();
      streams.merge(
          f.getStreamId(),
          new Position(1, f.getMediaTimeUs(), false),
          (a, b) ->
              new Position(a.frames() + 1, Math.max(a.mediaTimeUs(), b.mediaTimeUs()), false));
    } else if (r.hasEndOfStream()) {
      var e = r.getEndOfStream();
      streams.merge(
          e.getStreamId(),
          new Position(0, e.getLastMediaTimeUs(), true),
          (a, b) -> new Position(a.frames(), Math.max(a.mediaTimeUs(), b.mediaTimeUs()), true));
    }
  }

  /** The progress of one stream (nothing analysed yet when unknown). */
  public Position of(String streamId) {
    return streams.getOrDefault(streamId, Position.NONE);
  }
}
