package io.facetrail.tracker.session;

import io.facetrail.contracts.proto.BestFace;
import java.util.HashMap;
import java.util.Map;

/** Best faces in a map: for running sessions outside Kafka Streams (evaluation, benchmarks). */
public final class InMemoryBestFaces implements BestFaces {
  private final Map<String, BestFace> faces = new HashMap<>();

  @Override
  public BestFace get(String trackId) {
    return faces.get(trackId);
  }

  @Override
  public void put(String trackId, BestFace face) {
    faces.put(trackId, face);
  }

  @Override
  public void delete(String trackId) {
    faces.remove(trackId);
  }

  /** How many tracks hold a best face (open tracks). */
  public int size() {
    return faces.size();
  }
}
