package io.facetrail.contracts.topic;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventSerde;
import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.serde.RecordSerdes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of the pipeline, named {@code <prefix><name>.v<schema version>}. The prefix lets
 * several deployments (or tests) share one cluster.
 */
public final class TopicRegistry {
  public static final String DEFAULT_PREFIX = "facetrail.";

  private static final Pattern LEGAL_PREFIX = Pattern.compile("[A-Za-z0-9._-]{0,100}");

  private final String prefix;
  private final Topic<String, FrameRecord> frames;
  private final Topic<String, FacesRecord> faces;
  private final Topic<String, TrackEvent> tracks;
  private final Topic<String, IdentityEvent> identity;

  public TopicRegistry(String prefix) {
    if (prefix == null || !LEGAL_PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "topic prefix '" + prefix + "' must be at most 100 of A-Z a-z 0-9 . _ -");
    }
    this.prefix = prefix;
    this.frames = new Topic<>(prefix + "frames.v1", Serdes.String(), RecordSerdes.frameRecord());
    this.faces = new Topic<>(prefix + "faces.v1", Serdes.String(), RecordSerdes.facesRecord());
    this.tracks = new Topic<>(prefix + "tracks.v1", Serdes.String(), RecordSerdes.trackEvent());
    this.identity = new Topic<>(prefix + "identity.v1", Serdes.String(), new IdentityEventSerde());
  }

  /** The registry with the default prefix {@value #DEFAULT_PREFIX}. */
  public static TopicRegistry withDefaultPrefix() {
    return new TopicRegistry(DEFAULT_PREFIX);
  }

  public String prefix() {
    return prefix;
  }

  /** Decoded frames and end-of-stream markers; key = stream id. */
  public Topic<String, FrameRecord> frames() {
    return frames;
  }

  /** Faces per frame; key = stream id. */
  public Topic<String, FacesRecord> faces() {
    return faces;
  }

  /** Track lifecycle and observations; key = track id. */
  public Topic<String, TrackEvent> tracks() {
    return tracks;
  }

  /** Identity events (JSON); key = track id. */
  public Topic<String, IdentityEvent> identity() {
    return identity;
  }

  /** Records a stage could not process: original bytes plus error headers. */
  public Topic<byte[], byte[]> deadLetters(Stage stage) {
    return new Topic<>(
        prefix + "dlq." + stage.id() + ".v1", Serdes.ByteArray(), Serdes.ByteArray());
  }

  /** Every topic, for creating them up front. */
  public List<Topic<?, ?>> all() {
    List<Topic<?, ?>> all = new ArrayList<>(List.of(frames, faces, tracks, identity));
    for (Stage stage : Stage.values()) {
      all.add(deadLetters(stage));
    }
    return List.copyOf(all);
  }
}
