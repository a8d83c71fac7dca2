package io.facetrail.matcher.gallery.redis;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.matcher.gallery.StoredCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Binary form of a stored code in Redis: format byte, model id (length-prefixed UTF-8), the 128
 * code bytes, the time added (epoch ms), then the source (UTF-8, rest of the value). Binary rather
 * than JSON so that loading a million codes moves about 170 bytes per code.
 */
final class CodeRecords {
  private static final byte FORMAT = 1;

  private CodeRecords() {}

  static byte[] encode(StoredCode c) {
    byte[] model = c.modelId().getBytes(StandardCharsets.UTF_8);
    byte[] source = c.source().getBytes(StandardCharsets.UTF_8);
    if (model.length > 255) {
      throw new IllegalArgumentException("model id longer than 255 bytes");
    }
    ByteBuffer b = ByteBuffer.allocate(2 + model.length + FaceCode.DIMENSIONS + 8 + source.length);
    b.put(FORMAT).put((byte) model.length).put(model).put(c.code());
    b.putLong(c.addedAt().toEpochMilli()).put(source);
    return b.array();
  }

  static StoredCode decode(String codeId, byte[] value) {
    ByteBuffer b = ByteBuffer.wrap(value);
    if (value.length < 2 + FaceCode.DIMENSIONS + 8 || b.get() != FORMAT) {
      throw new IllegalStateException("code " + codeId + " has an unknown storage format");
    }
    int modelLength = b.get() & 0xff;
    byte[] model = new byte[modelLength];
    b.get(model);
    byte[] code = new byte[FaceCode.DIMENSIONS];
    b.get(code);
    Instant added = Instant.ofEpochMilli(b.getLong());
    byte[] source = new byte[b.remaining()];
    b.get(source);
    return new StoredCode(
        codeId,
        new String(model, StandardCharsets.UTF_8),
        code,
        new String(source, StandardCharsets.UTF_8),
        added);
  }
}
