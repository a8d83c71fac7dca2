package io.facetrail.contracts.serde;

/**
 * The framing of every binary record: one magic byte, one schema-version byte, then the payload.
 *
 * <p>Protobuf happily parses many random byte strings into some message; the magic byte makes stray
 * bytes (a JSON record on the wrong topic, a truncated write) fail fast with a clear error, and the
 * version byte lets a consumer refuse a schema it does not know instead of misreading it.
 */
public final class RecordEnvelope {
  /** 'F' for FaceTrail. */
  public static final byte MAGIC = 0x46;

  /** Schema version written by this build. */
  public static final byte VERSION = 1;

  /** Bytes before the payload. */
  public static final int HEADER_BYTES = 2;

  private RecordEnvelope() {}

  /** Prefixes the payload with the envelope header. */
  public static byte[] wrap(byte[] payload) {
    byte[] out = new byte[payload.length + HEADER_BYTES];
    out[0] = MAGIC;
    out[1] = VERSION;
    System.arraycopy(payload, 0, out, HEADER_BYTES, payload.length);
    return out;
  }

  /**
   * Checks the header; the payload starts at {@link #HEADER_BYTES}.
   *
   * @throws MalformedRecordException when the bytes are null, too short, or carry another magic
   *     byte or an unknown version
   */
  public static void check(String recordType, byte[] bytes) {
    if (bytes == null) {
      throw new MalformedRecordException(
          recordType, "null value (tombstone) where a record is expected");
    }
    if (bytes.length < HEADER_BYTES) {
      throw new MalformedRecordException(
          recordType, "only " + bytes.length + " bytes, too short for the envelope");
    }
    if (bytes[0] != MAGIC) {
      throw new MalformedRecordException(
          recordType,
          String.format("bad magic byte 0x%02x (expected 0x%02x)", bytes[0] & 0xff, MAGIC));
    }
    if (bytes[1] != VERSION) {
      throw new MalformedRecordException(
          recordType,
          "unsupported schema version "
              + (bytes[1] & 0xff)
              + " (this build reads "
              + VERSION
              + ")");
    }
  }
}
