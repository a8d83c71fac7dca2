package io.facetrail.contracts.record;

import io.facetrail.contracts.proto.Face;
import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.FrameFaces;
import io.facetrail.contracts.serde.RecordValidator;
import java.util.List;

/** Validates records of the faces topic. */
public final class FacesRecordValidator implements RecordValidator<FacesRecord> {
  /** 68 landmarks, two coordinates each. */
  static final int LANDMARK_VALUES = 136;

  static final int EMBEDDING_SIZE = 128;

  @Override
  public List<String> problems(FacesRecord record) {
    Problems p = new Problems();
    switch (record.getBodyCase()) {
      case FRAME_FACES -> frameFaces(p, record.getFrameFaces());
      case END_OF_STREAM -> p.endOfStream("end_of_stream", record.getEndOfStream());
      case BODY_NOT_SET -> p.require(false, "body", "is neither frame faces nor an end-of-stream");
    }
    return p.list();
  }

  private static void frameFaces(Problems p, FrameFaces f) {
    p.streamId("frame_faces.stream_id", f.getStreamId());
    p.require(f.getSequence() >= 0, "frame_faces.sequence", "is negative");
    p.require(f.getMediaTimeUs() >= 0, "frame_faces.media_time_us", "is negative");
    p.frameSize("frame_faces", f.getWidth(), f.getHeight());
    p.shot("frame_faces.shot", f.hasShot(), f.getShot());
    if (f.getFacesCount() > 0) {
      p.require(!f.getModelId().isBlank(), "frame_faces.model_id", "is empty");
    }
    for (int i = 0; i < f.getFacesCount(); i++) {
      face(p, "frame_faces.faces[" + i + "]", f.getFaces(i));
    }
  }

  private static void face(Problems p, String path, Face face) {
    p.require(face.hasBox(), path + ".box", "is missing");
    p.box(path + ".box", face.getBox());
    int landmarks = face.getLandmarksCount();
    p.require(
        landmarks == 0 || landmarks == LANDMARK_VALUES,
        path + ".landmarks",
        "has " + landmarks + " values, not 0 or " + LANDMARK_VALUES);
    p.unitScore(path + ".detection_score", face.getDetectionScore());
    p.unitScore(path + ".quality", face.getQuality());
    p.faceCode(path + ".code", face.getCode(), true);
    int embedding = face.getEmbeddingCount();
    p.require(
        embedding == 0 || embedding == EMBEDDING_SIZE,
        path + ".embedding",
        "has " + embedding + " values, not 0 or " + EMBEDDING_SIZE);
  }
}
