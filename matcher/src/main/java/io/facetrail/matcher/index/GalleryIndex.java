package io.facetrail.matcher.index;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
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
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final ModelCompatibility compatibility;
  private final ForkJoinPool pool;
  private final int fastThreshold;
  private final int fastCandidates;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private final CodeTable table = new CodeTable();
  private final PersonTable persons = new PersonTable();
  private int trainedAt;
  private final List<String> models = new ArrayList<>();
  private final Map<String, Short> modelSlot = new HashMap<>();
  private final Map<String, boolean[]> allowedCache = new ConcurrentHashMap<>();

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
        ModelCompatibility.sameModelOnly(), ForkJoinPool.commonPool(), 50_000, 10_000);
  }

  /** Replaces the whole content (initial load, resynchronisation). */
  public void replaceAll(Collection<PersonRecord> records) {
    lock.writeLock().lock();
    try {
      table.size = 0;
      persons.clear(records.size());
      table.ensureCapacity(records.stream().mapToInt(r -> r.codes().size()).sum());
      for (PersonRecord r : records) {
        insert(r);
      }
      retrainLocked();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Makes room for this many codes and persons in total (bulk loading without growth slack). */
  public void reserve(int codes, int persons) {
    lock.writeLock().lock();
    try {
      table.ensureCapacity(codes);
      this.persons.reserve(persons);
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
      // Eight bytes per read: the loop is then bound by memory, not by instructions.
      for (int i = 0; i + 8 <= end; i += 8) {
        sum += (long) LONGS.get(c, i);
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
    int slot = persons.add(r.person().id(), r.person().name(), r.codes().size());
    for (StoredCode c : r.codes()) {
      table.add(c.code(), slot, modelSlotOf(c.modelId()));
    }
    // The quantiser's centre, spreads and levels drift as the gallery grows: retrain it when the
    // gallery has doubled (an O(n) pass under the write lock, so not on every add).
    if (table.size >= 1_000 && table.size >= 2 * trainedAt) {
      retrainLocked();
    }
  }

  private void retrainLocked() {
    table.retrain();
    trainedAt = table.size;
  }

  /** Refits the fast search's quantiser to the current gallery (after bulk changes). */
  public void retrain() {
    lock.writeLock().lock();
    try {
      retrainLocked();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void removeLocked(String personId) {
    int slot = persons.slotOf(personId);
    if (slot < 0) {
      return;
    }
    // Removals are rare (erasure, re-enrolment): a scan for the person's codes costs less memory
    // than keeping a position list per person.
    int left = persons.codeCounts[slot];
    for (int i = table.size - 1; i >= 0 && left > 0; i--) {
      if (table.personSlot[i] == slot) {
        table.removeAt(i);
        left--;
      }
    }
    persons.remove(slot);
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
    return search(code, modelId, k, mode, fastCandidates);
  }

  /**
   * As {@link #search(byte[], String, int, SearchMode)}, with the number of codes the fast search
   * re-ranks exactly given per call (benchmarks compare several in one run).
   */
  public List<Match> search(
      byte[] code, String modelId, int k, SearchMode mode, int fastCandidates) {
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
        case FAST -> table.fastScan(code, allowed, fastCandidates, true, top);
        case FAST_SCALAR -> table.fastScan(code, allowed, fastCandidates, false, top);
        case AUTO -> throw new IllegalStateException("resolved above");
      }
      List<Match> out = new ArrayList<>();
      for (long packed : top.sorted()) {
        int slot = (int) packed;
        out.add(
            new Match(
                persons.ids[slot],
                persons.names[slot],
                (int) (packed >>> 32),
                models.get(top.modelOf(slot))));
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
      int slot = persons.slotOf(personId);
      return slot < 0 ? Optional.empty() : Optional.of(persons.names[slot]);
    } finally {
      lock.readLock().unlock();
    }
  }

  public int personCount() {
    lock.readLock().lock();
    try {
      return persons.size();
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
      return table.heapBytes() + persons.heapBytes();
    } finally {
      lock.readLock().unlock();
    }
  }
}
