package io.facetrail.api.events;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a live client is in the identity topic: per partition, the offset of the next record it has
 * not yet been given. Sent as each SSE event's {@code id}, so a client resuming with {@code
 * Last-Event-ID} gets exactly the events after it. Offsets rather than event ids or times, because
 * only offsets name a position in every partition at once without gaps or ties.
 *
 * <p>Wire form: base64url (no padding) of a version byte, the partition count, then per partition
 * (ascending) its number and next offset, all as unsigned varints.
 */
public final class ResumeToken {
  /** The longest token accepted, in characters (about 1,000 partitions). */
  public static final int MAX_LENGTH = 16_384;

  private static final int VERSION = 1;
  private static final int MAX_PARTITIONS = 100_000;

  private final Map<Integer, Long> next;

  private ResumeToken(Map<Integer, Long> next) {
    this.next = Collections.unmodifiableMap(new TreeMap<>(next));
  }

  /**
   * @param next per partition, the offset of the first record not yet given
   * @throws IllegalArgumentException for a negative partition or offset
   */
  public static ResumeToken of(Map<Integer, Long> next) {
    next.forEach(
        (p, o) -> {
          if (p < 0 || o < 0) {
            throw new IllegalArgumentException("negative partition or offset: " + p + "@" + o);
          }
        });
    return new ResumeToken(next);
  }

  /** Per partition, the offset of the first record not yet given (ascending partitions). */
  public Map<Integer, Long> next() {
    return next;
  }

  /**
   * The next offset of {@code partition}; 0 for a partition the token does not name (created after
   * it), whose every record is after the token.
   */
  public long next(int partition) {
    return next.getOrDefault(partition, 0L);
  }

  public String encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4 + next.size() * 6);
    out.write(VERSION);
    writeVarint(out, next.size());
    next.forEach(
        (p, o) -> {
          writeVarint(out, p);
          writeVarint(out, o);
        });
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  /**
   * Reads a token written by {@link #encode()}.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static ResumeToken decode(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the token is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the token is longer than " + MAX_LENGTH + " characters");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the token is not base64url", e);
    }
    Reader r = new Reader(bytes);
    int version = (int) r.varint(255);
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown token version " + version);
    }
    int count = (int) r.varint(MAX_PARTITIONS);
    Map<Integer, Long> next = new TreeMap<>();
    long previous = -1;
    for (int i = 0; i < count; i++) {
      int partition = (int) r.varint(Integer.MAX_VALUE);
      if (partition <= previous) {
        throw new IllegalArgumentException("the token's partitions are not in ascending order");
      }
      previous = partition;
      next.put(partition, r.varint(Long.MAX_VALUE));
    }
    if (r.remaining() > 0) {
      throw new IllegalArgumentException("the token has " + r.remaining() + " trailing bytes");
    }
    return new ResumeToken(next);
  }

  private static void writeVarint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  /** Reads unsigned varints, each bounded. */
  private static final class Reader {
    private final byte[] bytes;
    private int at;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    long varint(long max) {
      long v = 0;
      for (int shift = 0; shift < 63; shift += 7) {
        if (at >= bytes.length) {
          throw new IllegalArgumentException("the token is cut short");
        }
        int b = bytes[at++] & 0xFF;
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          if (v < 0 || v > max) {
            throw new IllegalArgumentException("a number in the token is out of range");
          }
          return v;
        }
      }
      throw new IllegalArgumentException("a number in the token is too long");
    }

    int remaining() {
      return bytes.length - at;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResumeToken t && t.next.equals(next);
  }

  @Override
  public int hashCode() {
    return next.hashCode();
  }

  @Override
  public String toString() {
    return "ResumeToken" + next;
  }
}
