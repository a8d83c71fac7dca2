package io.facetrail.matcher.index;

import java.util.Arrays;

/**
 * The best {@code k} distinct persons seen so far, each with their smallest distance and the model
 * slot of the code at that distance (the decision's threshold depends on which model's code was
 * nearest). {@code k} is small (a handful), so linear probing beats a heap.
 */
final class TopPersons {
  private final int[] distance;
  private final int[] person;
  private final short[] model;
  private int size;
  private int worstIndex;

  TopPersons(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1");
    }
    distance = new int[k];
    person = new int[k];
    model = new short[k];
  }

  /** The distance a candidate must beat to enter (max value while not full). */
  int bound() {
    return size < distance.length ? Integer.MAX_VALUE : distance[worstIndex];
  }

  void offer(int d, int personSlot, short modelSlot) {
    for (int i = 0; i < size; i++) {
      if (person[i] == personSlot) {
        if (d < distance[i]) {
          distance[i] = d;
          model[i] = modelSlot;
          if (i == worstIndex) {
            findWorst();
          }
        }
        return;
      }
    }
    if (size < distance.length) {
      distance[size] = d;
      person[size] = personSlot;
      model[size] = modelSlot;
      size++;
      findWorst();
    } else if (d < distance[worstIndex]) {
      distance[worstIndex] = d;
      person[worstIndex] = personSlot;
      model[worstIndex] = modelSlot;
      findWorst();
    }
  }

  void merge(TopPersons other) {
    for (int i = 0; i < other.size; i++) {
      offer(other.distance[i], other.person[i], other.model[i]);
    }
  }

  private void findWorst() {
    int w = 0;
    for (int i = 1; i < size; i++) {
      if (distance[i] > distance[w]) {
        w = i;
      }
    }
    worstIndex = w;
  }

  /** The model slot of the nearest code of an entered person ({@code -1} for other persons). */
  short modelOf(int personSlot) {
    for (int i = 0; i < size; i++) {
      if (person[i] == personSlot) {
        return model[i];
      }
    }
    return -1;
  }

  /** Entries sorted by distance, then person slot (a deterministic order for ties). */
  long[] sorted() {
    long[] packed = new long[size];
    for (int i = 0; i < size; i++) {
      packed[i] = ((long) distance[i] << 32) | (person[i] & 0xffffffffL);
    }
    Arrays.sort(packed);
    return packed;
  }
}
