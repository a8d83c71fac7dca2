package io.facetrail.ingest.engine;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded buffer between a stream's decoder and its publisher. When full, a live source drops
 * its oldest frame (the newest is the most useful for a live view) and a file source waits, so
 * files never lose a selected frame. Closing it lets the publisher drain what is left.
 */
final class FrameQueue {
  private final int capacity;
  private final boolean dropOldest;
  private final ArrayDeque<PendingFrame> frames;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private boolean closed;

  FrameQueue(int capacity, boolean dropOldest) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity + " < 1");
    }
    this.capacity = capacity;
    this.dropOldest = dropOldest;
    this.frames = new ArrayDeque<>(capacity);
  }

  /**
   * Adds a frame, waiting for room unless this queue drops.
   *
   * @return whether the oldest frame was dropped (and released) to make room
   * @throws IllegalStateException when the queue is closed
   */
  boolean put(PendingFrame frame) throws InterruptedException {
    try {
      return putOrWait(frame);
    } catch (InterruptedException e) {
      frame.release(); // nobody else holds it: give the decoder its buffers back
      throw e;
    }
  }

  private boolean putOrWait(PendingFrame frame) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      boolean dropped = false;
      while (frames.size() >= capacity && !closed) {
        if (dropOldest) {
          frames.pollFirst().release();
          dropped = true;
          break;
        }
        notFull.await();
      }
      if (closed) {
        frame.release();
        throw new IllegalStateException("frame queue is closed");
      }
      frames.addLast(frame);
      notEmpty.signal();
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next frame, waiting up to {@code timeoutMillis}.
   *
   * @return the frame, or null when none arrived in time or the queue is closed and empty (see
   *     {@link #isDrained()})
   */
  PendingFrame poll(long timeoutMillis) throws InterruptedException {
    long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    lock.lockInterruptibly();
    try {
      while (frames.isEmpty() && !closed && nanos > 0) {
        nanos = notEmpty.awaitNanos(nanos);
      }
      PendingFrame f = frames.pollFirst();
      if (f != null) {
        notFull.signal();
      }
      return f;
    } finally {
      lock.unlock();
    }
  }

  /** No more frames will be added; frames already queued stay for the publisher. */
  void close() {
    lock.lock();
    try {
      closed = true;
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Releases every queued frame (publishing failed for good); returns how many there were. */
  int clear() {
    lock.lock();
    try {
      int n = frames.size();
      frames.forEach(PendingFrame::release);
      frames.clear();
      notFull.signalAll();
      return n;
    } finally {
      lock.unlock();
    }
  }

  /** Closed and empty: the publisher has seen every frame. */
  boolean isDrained() {
    lock.lock();
    try {
      return closed && frames.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return frames.size();
    } finally {
      lock.unlock();
    }
  }
}
