package io.facetrail.matcher.index;

import java.util.Arrays;

/**
 * The persons of the index: id, name and code count per slot, and an open-addressing hash from id
 * to slot. A general-purpose map costs about 50 bytes per entry in nodes and boxed integers; this
 * table costs 8, which matters at a million codes. Slots of removed persons are reused. Not
 * thread-safe: {@link GalleryIndex} guards it.
 */
final class PersonTable {
  private static final int EMPTY = 0;
  private static final int DELETED = -1;

  String[] ids = new String[0];
  String[] names = new String[0];
  int[] codeCounts = new int[0];
  private int[] hash = new int[16];
  private int[] free = new int[0];
  private int freeCount;
  private int slots;
  private int live;
  private int used;

  int size() {
    return live;
  }

  void clear(int expected) {
    ids = new String[expected];
    names = new String[expected];
    codeCounts = new int[expected];
    hash = new int[tableSizeFor(expected)];
    freeCount = 0;
    slots = 0;
    live = 0;
    used = 0;
  }

  void reserve(int persons) {
    if (persons > ids.length) {
      grow(persons);
    }
    if (persons * 2 > hash.length) {
      rehash(tableSizeFor(persons));
    }
  }

  /** The slot of {@code id}, or -1. */
  int slotOf(String id) {
    int mask = hash.length - 1;
    for (int i = spread(id.hashCode()) & mask; ; i = (i + 1) & mask) {
      int v = hash[i];
      if (v == EMPTY) {
        return -1;
      }
      if (v > 0 && ids[v - 1].equals(id)) {
        return v - 1;
      }
    }
  }

  /** Adds a person not yet in the table; returns their slot. */
  int add(String id, String name, int codes) {
    int slot = freeCount > 0 ? free[--freeCount] : slots++;
    if (slot >= ids.length) {
      grow(Math.max(16, slot + (slot >> 1) + 1));
    }
    ids[slot] = id;
    names[slot] = name;
    codeCounts[slot] = codes;
    if ((used + 1) * 2 > hash.length) {
      rehash(tableSizeFor(live + 1));
    }
    int mask = hash.length - 1;
    int i = spread(id.hashCode()) & mask;
    while (hash[i] > 0) {
      i = (i + 1) & mask;
    }
    if (hash[i] == EMPTY) {
      used++;
    }
    hash[i] = slot + 1;
    live++;
    return slot;
  }

  /** Removes the person in {@code slot}. */
  void remove(int slot) {
    int mask = hash.length - 1;
    for (int i = spread(ids[slot].hashCode()) & mask; ; i = (i + 1) & mask) {
      if (hash[i] == slot + 1) {
        hash[i] = DELETED;
        break;
      }
    }
    ids[slot] = null;
    names[slot] = null;
    codeCounts[slot] = 0;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, Math.max(16, freeCount * 2));
    }
    free[freeCount++] = slot;
    live--;
  }

  private void grow(int capacity) {
    ids = Arrays.copyOf(ids, capacity);
    names = Arrays.copyOf(names, capacity);
    codeCounts = Arrays.copyOf(codeCounts, capacity);
  }

  private void rehash(int size) {
    int[] next = new int[size];
    int mask = size - 1;
    for (int v : hash) {
      if (v > 0) {
        int i = spread(ids[v - 1].hashCode()) & mask;
        while (next[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        next[i] = v;
      }
    }
    hash = next;
    used = live;
  }

  private static int tableSizeFor(int entries) {
    int n = 16;
    while (n < entries * 2) {
      n <<= 1;
    }
    return n;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  long heapBytes() {
    return 4L * (ids.length + names.length + codeCounts.length + hash.length + free.length);
  }
}
