package io.facetrail.matcher.index;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory search index over the gallery, replicated in every matcher. Updated incrementally
 * (one person at a time) while searches continue: searches share a read lock, updates take the
 * write lock briefly.
 */
public final class GalleryIndex {
  private final ModelCompatibility compatibility;
  private final ForkJoinPool pool;
  private final int fastThreshold;
  private final int fastCandidates;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private final CodeTable table = new CodeTable();
  private final Map<String, Integer> slotOf = new HashMap<>();
  private String[] ids = new String[0];
  private String[] names = new String[0];
  private int[] codeCounts = new int[0];
  private int[] freeSlots = new int[0];
  private int freeCount;
  private int slotCount;
  private final List<String> models = new ArrayList<>();
  private final Map<String, Short> modelSlot = new HashMap<>();
  private final Map<String, boolean[]> allowedCache = new ConcurrentHashMap<>();
  private final ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[0]);

  /**
   * @param compatibility which model ids may be compared
   * @param pool threads for {@link SearchMode#EXACT_PARALLEL}
   * @param fastThreshold gallery size (codes) from which {@link SearchMode#AUTO} uses the fast
   *     search
   * @param fastCandidates codes re-ranked exactly by the fast search
   */
  public GalleryIndex(
      ModelCompatibility compatibility, ForkJoinPool pool, int fastThreshold, int fastCandidates) {
    this.compatibility = compatibility;
    this.pool = pool;
    this.fastThreshold = fastThreshold;
    this.fastCandidates = fastCandidates;
  }

  /** An index comparing equal model ids only, with the common pool and default fast settings. */
  public static GalleryIndex withDefaults() {
    return new GalleryIndex(
        ModelCompatibility.sameModelOnly(), ForkJoinPool.commonPool(), 50_000, 2_000);
  }

  /** Replaces the whole content (initial load, resynchronisation). */
  public void replaceAll(Collection<PersonRecord> records) {
    lock.writeLock().lock();
    try {
      slotOf.clear();
      slotCount = 0;
      freeCount = 0;
      table.size = 0;
      int n = records.size();
      ids = new String[n];
      names = new String[n];
      codeCounts = new int[n];
      table.ensureCapacity(records.stream().mapToInt(r -> r.codes().size()).sum());
      for (PersonRecord r : records) {
        insert(r);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Makes room for this many codes and persons in total (bulk loading without growth slack). */
  public void reserve(int codes, int persons) {
    lock.writeLock().lock();
    try {
      table.ensureCapacity(codes);
      if (persons > ids.length) {
        ids = Arrays.copyOf(ids, persons);
        names = Arrays.copyOf(names, persons);
        codeCounts = Arrays.copyOf(codeCounts, persons);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Reads every code byte once and returns their sum: the memory-bandwidth floor under any exact
   * scan (benchmarks).
   */
  public long readAllCodes() {
    lock.readLock().lock();
    try {
      byte[] c = table.codes;
      long sum = 0;
      int end = table.size * CodeTable.D;
      for (int i = 0; i < end; i++) {
        sum += c[i];
      }
      return sum;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Adds a person or replaces their name and codes. */
  public void upsert(PersonRecord record) {
    lock.writeLock().lock();
    try {
      removeLocked(record.person().id());
      insert(record);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes a person and all their codes; a no-op for unknown ids. */
  public void remove(String personId) {
    lock.writeLock().lock();
    try {
      removeLocked(personId);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void insert(PersonRecord r) {
    int slot = freeCount > 0 ? freeSlots[--freeCount] : slotCount++;
    if (slot >= ids.length) {
      int cap = Math.max(16, slot + (slot >> 1) + 1);
      ids = Arrays.copyOf(ids, cap);
      names = Arrays.copyOf(names, cap);
      codeCounts = Arrays.copyOf(codeCounts, cap);
    }
    ids[slot] = r.person().id();
    names[slot] = r.person().name();
    codeCounts[slot] = r.codes().size();
    slotOf.put(r.person().id(), slot);
    for (StoredCode c : r.codes()) {
      table.add(c.code(), slot, modelSlotOf(c.modelId()));
    }
  }

  private void removeLocked(String personId) {
    Integer slot = slotOf.remove(personId);
    if (slot == null) {
      return;
    }
    // Removals are rare (erasure, re-enrolment): a scan for the person's codes costs less memory
    // than keeping a position list per person.
    int left = codeCounts[slot];
    for (int i = table.size - 1; i >= 0 && left > 0; i--) {
      if (table.personSlot[i] == slot) {
        table.removeAt(i);
        left--;
      }
    }
    ids[slot] = null;
    names[slot] = null;
    codeCounts[slot] = 0;
    if (freeCount == freeSlots.length) {
      freeSlots = Arrays.copyOf(freeSlots, Math.max(16, freeCount * 2));
    }
    freeSlots[freeCount++] = slot;
  }

  private short modelSlotOf(String modelId) {
    Short s = modelSlot.get(modelId);
    if (s != null) {
      return s;
    }
    if (models.size() >= Short.MAX_VALUE) {
      throw new IllegalStateException("more than " + Short.MAX_VALUE + " model ids in the gallery");
    }
    short created = (short) models.size();
    models.add(modelId);
    modelSlot.put(modelId, created);
    allowedCache.clear();
    return created;
  }

  private boolean[] allowed(String queryModel) {
    boolean[] cached = allowedCache.get(queryModel);
    if (cached != null && cached.length == models.size()) {
      return cached;
    }
    boolean[] a = new boolean[Math.max(1, models.size())];
    for (int i = 0; i < models.size(); i++) {
      a[i] = compatibility.compatible(queryModel, models.get(i));
    }
    allowedCache.put(queryModel, a);
    return a;
  }

  /**
   * The {@code k} nearest persons to {@code code} among codes compatible with {@code modelId},
   * nearest first.
   */
  public List<Match> search(byte[] code, String modelId, int k, SearchMode mode) {
    if (code.length != FaceCode.DIMENSIONS) {
      throw new IllegalArgumentException("a face code has " + FaceCode.DIMENSIONS + " bytes");
    }
    lock.readLock().lock();
    try {
      boolean[] allowed = allowed(modelId);
      TopPersons top = new TopPersons(k);
      SearchMode m =
          mode == SearchMode.AUTO
              ? (table.size >= fastThreshold ? SearchMode.FAST : SearchMode.EXACT)
              : mode;
      switch (m) {
        case EXACT -> table.scan(code, allowed, 0, table.size, top);
        case EXACT_PARALLEL -> parallelScan(code, allowed, k, top);
        case FAST -> {
          byte[] h = scratch.get();
          if (h.length < table.size) {
            h = new byte[table.personSlot.length];
            scratch.set(h);
          }
          table.fastScan(code, allowed, fastCandidates, h, top);
        }
        case AUTO -> throw new IllegalStateException("resolved above");
      }
      List<Match> out = new ArrayList<>();
      for (long packed : top.sorted()) {
        int slot = (int) packed;
        out.add(new Match(ids[slot], names[slot], (int) (packed >>> 32)));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  private void parallelScan(byte[] code, boolean[] allowed, int k, TopPersons top) {
    int parts = Math.max(1, pool.getParallelism());
    int n = table.size;
    List<Future<TopPersons>> futures = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      int from = (int) ((long) n * p / parts);
      int to = (int) ((long) n * (p + 1) / parts);
      futures.add(
          pool.submit(
              () -> {
                TopPersons local = new TopPersons(k);
                table.scan(code, allowed, from, to, local);
                return local;
              }));
    }
    try {
      for (Future<TopPersons> f : futures) {
        top.merge(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during a gallery search", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("gallery search failed", e.getCause());
    }
  }

  /** The current display name of a person, if they are in the index. */
  public Optional<String> nameOf(String personId) {
    lock.readLock().lock();
    try {
      Integer slot = slotOf.get(personId);
      return slot == null ? Optional.empty() : Optional.of(names[slot]);
    } finally {
      lock.readLock().unlock();
    }
  }

  public int personCount() {
    lock.readLock().lock();
    try {
      return slotOf.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  public int codeCount() {
    lock.readLock().lock();
    try {
      return table.size;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Heap held by the packed code arrays. */
  public long codeArrayBytes() {
    lock.readLock().lock();
    try {
      return table.heapBytes();
    } finally {
      lock.readLock().unlock();
    }
  }
}
