package io.facetrail.outbound.delivery;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The records of one partition handed to the targets, in offset order, and which of them are
 * finished. The offset to commit is the first unfinished one: a record finished early (a fast
 * target, a filtered event) is committed only once every record before it is finished too, so that
 * a restart never skips an event some target has not had.
 *
 * <p>A partition taken from this consumer by a rebalance gets a new instance when it comes back:
 * deliveries still running from before mark the old one, which is no longer read.
 */
public final class PartitionProgress {
  private final TreeSet<Long> open = new TreeSet<>();
  private final Set<Long> finished = new HashSet<>();
  private long next = -1;

  /** A record at {@code offset} was handed out; offsets must come in increasing order. */
  public synchronized void add(long offset) {
    Long last = open.isEmpty() ? null : open.last();
    if ((last != null && offset <= last) || offset < next) {
      throw new IllegalArgumentException(
          "offset " + offset + " added after " + (last != null ? last : next - 1));
    }
    open.add(offset);
    if (next < 0) {
      next = offset;
    }
  }

  /** The record at {@code offset} is finished for every target. */
  public synchronized void finish(long offset) {
    if (open.contains(offset)) {
      finished.add(offset);
    }
  }

  /**
   * The offset to commit (the next record to read after a restart), or empty while nothing was
   * handed out.
   */
  public synchronized OptionalLong committable() {
    while (!open.isEmpty() && finished.remove(open.first())) {
      next = open.pollFirst() + 1;
    }
    if (!open.isEmpty()) {
      next = open.first();
    }
    return next < 0 ? OptionalLong.empty() : OptionalLong.of(next);
  }

  /** Records handed out and not finished. */
  public synchronized int unfinished() {
    return open.size() - finished.size();
  }
}
