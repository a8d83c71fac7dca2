package io.facetrail.contracts.record;

import com.google.protobuf.ByteString;
import io.facetrail.contracts.code.FaceCode;
import io.facetrail.contracts.proto.Box;
import io.facetrail.contracts.proto.EndOfStream;
import io.facetrail.contracts.proto.EndReason;
import io.facetrail.contracts.proto.Shot;
import io.facetrail.contracts.proto.ShotChange;
import io.facetrail.contracts.proto.ShotChangeKind;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one record, each named by its field path. */
final class Problems {
  /** Frames larger than this on either side are refused as absurd (16K video does not exist). */
  static final int MAX_SIDE = 16_384;

  /** Upper bound of one encoded image; Kafka's default message limit is far below it anyway. */
  static final int MAX_IMAGE_BYTES = 64 << 20;

  static final int MAX_STREAM_ID_LENGTH = 256;

  private final List<String> problems = new ArrayList<>();

  void require(boolean ok, String path, String message) {
    if (!ok) {
      problems.add(path + " " + message);
    }
  }

  void streamId(String path, String streamId) {
    require(!streamId.isBlank(), path, "is empty");
    require(
        streamId.length() <= MAX_STREAM_ID_LENGTH, path, "is longer than " + MAX_STREAM_ID_LENGTH);
    require(streamId.chars().noneMatch(Character::isISOControl), path, "holds control characters");
  }

  void frameSize(String path, int width, int height) {
    require(
        width > 0 && width <= MAX_SIDE, path + ".width", "is " + width + ", not in 1.." + MAX_SIDE);
    require(
        height > 0 && height <= MAX_SIDE,
        path + ".height",
        "is " + height + ", not in 1.." + MAX_SIDE);
  }

  void box(String path, Box box) {
    boolean finite =
        Float.isFinite(box.getX())
            && Float.isFinite(box.getY())
            && Float.isFinite(box.getWidth())
            && Float.isFinite(box.getHeight());
    require(finite, path, "has a non-finite coordinate");
    require(box.getWidth() > 0 && box.getHeight() > 0, path, "has no area");
  }

  void unitScore(String path, float value) {
    require(value >= 0f && value <= 1f, path, "is " + value + ", not in 0..1");
  }

  void faceCode(String path, ByteString code, boolean required) {
    if (required || !code.isEmpty()) {
      String problem = FaceCode.problem(code.toByteArray());
      require(problem == null, path, problem);
    }
  }

  /** A shot, when the producer sent one (contract revision 2; older producers send none). */
  void shot(String path, boolean present, Shot shot) {
    if (!present) {
      return;
    }
    require(shot.getNumber() >= 0, path + ".number", "is negative");
    if (shot.hasChange()) {
      ShotChange c = shot.getChange();
      require(
          c.getKind() != ShotChangeKind.SHOT_CHANGE_KIND_UNSPECIFIED
              && c.getKind() != ShotChangeKind.UNRECOGNIZED,
          path + ".change.kind",
          "is not set");
      unitScore(path + ".change.score", c.getScore());
      require(c.getMediaTimeUs() >= 0, path + ".change.media_time_us", "is negative");
    }
  }

  void endOfStream(String path, EndOfStream end) {
    streamId(path + ".stream_id", end.getStreamId());
    require(end.getLastSequence() >= -1, path + ".last_sequence", "is below -1");
    require(end.getFramesPublished() >= 0, path + ".frames_published", "is negative");
    require(
        end.getReason() != EndReason.END_REASON_UNSPECIFIED
            && end.getReason() != EndReason.UNRECOGNIZED,
        path + ".reason",
        "is not set");
  }

  List<String> list() {
    return List.copyOf(problems);
  }
}
