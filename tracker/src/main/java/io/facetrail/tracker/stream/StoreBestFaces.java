package io.facetrail.tracker.stream;

import com.google.protobuf.InvalidProtocolBufferException;
import io.facetrail.contracts.proto.BestFace;
import io.facetrail.tracker.session.BestFaces;
import io.facetrail.tracker.state.CorruptStateException;
import org.apache.kafka.streams.state.KeyValueStore;

/** Best faces in a changelogged key-value store, keyed by track id. */
final class StoreBestFaces implements BestFaces {
  private final KeyValueStore<String, byte[]> store;

  StoreBestFaces(KeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  @Override
  public BestFace get(String trackId) {
    byte[] bytes = store.get(trackId);
    if (bytes == null) {
      return null;
    }
    try {
      return BestFace.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptStateException("stored best face of " + trackId + " is unreadable", e);
    }
  }

  @Override
  public void put(String trackId, BestFace face) {
    store.put(trackId, face.toByteArray());
  }

  @Override
  public void delete(String trackId) {
    store.delete(trackId);
  }
}
