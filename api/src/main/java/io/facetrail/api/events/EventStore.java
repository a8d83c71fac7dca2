package io.facetrail.api.events;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.PersonRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The recent identity events in memory: at most {@code capacity}, none emitted more than {@code
 * window} ago, indexed by time, camera, person and topic position.
 *
 * <p>Per partition it knows the range of offsets it holds completely ({@code coveredFrom} up to the
 * feed's position): a live client resuming from a token inside that range is served from memory;
 * older tokens need the topic. Evicting an event (by count or age) moves the start of the range
 * past it; erasing one does not, because the topic replay drops it in the same way.
 *
 * <p>Thread-safe; every method holds the store's lock briefly and sinks are called under it, which
 * is what makes subscribing atomic with respect to new events.
 */
public final class EventStore {
  /** What happened to an event given to {@link #add}. */
  public enum Outcome {
    STORED,
    /** Emitted before the window: not kept. */
    EXPIRED
  }

  private final int capacity;
  private final Duration window;
  private final Clock clock;
  private final NavigableSet<StoredEvent> byTime = new TreeSet<>(StoredEvent.BY_TIME);
  private final Map<String, NavigableSet<StoredEvent>> byCamera = new HashMap<>();
  private final Map<String, NavigableSet<StoredEvent>> byPerson = new HashMap<>();
  private final Map<Integer, TreeMap<Long, StoredEvent>> byPartition = new HashMap<>();
  private final Map<Integer, Long> coveredFrom = new TreeMap<>();
  private final Map<Integer, Long> position = new TreeMap<>();
  private final List<EventSink> sinks = new ArrayList<>();
  private boolean evictedByCount;

  public EventStore(int capacity, Duration window, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
    this.window = window;
    this.clock = clock;
  }

  /** Starts holding {@code partition} from {@code startOffset} (a no-op if already held). */
  public synchronized void assign(int partition, long startOffset) {
    coveredFrom.putIfAbsent(partition, startOffset);
    position.putIfAbsent(partition, startOffset);
    notifyAll();
  }

  /** Whether any partition is held (the feed has reached the broker once). */
  public synchronized boolean assigned() {
    return !position.isEmpty();
  }

  /** Waits at most {@code millis} for the first partition to be assigned. */
  public synchronized boolean awaitAssigned(long millis) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (position.isEmpty()) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  /** Records that every record of {@code partition} before {@code nextOffset} has been read. */
  public synchronized void advance(int partition, long nextOffset) {
    position.merge(partition, nextOffset, Math::max);
  }

  /** The next offset to be read per partition. */
  public synchronized Map<Integer, Long> positions() {
    return Map.copyOf(position);
  }

  /** Takes in the event read at {@code partition}/{@code offset} and hands it to every sink. */
  public synchronized Outcome add(int partition, long offset, IdentityEvent event) {
    advance(partition, offset + 1);
    if (event.emittedAt().isBefore(cutoff())) {
      coveredFrom.merge(partition, offset + 1, Math::max);
      return Outcome.EXPIRED;
    }
    StoredEvent e = new StoredEvent(partition, offset, event);
    byTime.add(e);
    byCamera.computeIfAbsent(event.streamId(), k -> new TreeSet<>(StoredEvent.BY_TIME)).add(e);
    for (String person : persons(event)) {
      byPerson.computeIfAbsent(person, k -> new TreeSet<>(StoredEvent.BY_TIME)).add(e);
    }
    byPartition.computeIfAbsent(partition, k -> new TreeMap<>()).put(offset, e);
    while (byTime.size() > capacity) {
      evict(byTime.first());
      evictedByCount = true;
    }
    for (EventSink sink : sinks) {
      sink.accept(e);
    }
    return Outcome.STORED;
  }

  /**
   * The newest events matching {@code query} that {@code directory} lets be shown, newest first.
   */
  public synchronized List<StoredEvent> newest(
      EventQuery query, int limit, PersonDirectory directory) {
    NavigableSet<StoredEvent> candidates = byTime;
    if (query.camera() != null) {
      candidates = byCamera.getOrDefault(query.camera(), new TreeSet<>(StoredEvent.BY_TIME));
    }
    if (query.person() != null) {
      NavigableSet<StoredEvent> p =
          byPerson.getOrDefault(query.person(), new TreeSet<>(StoredEvent.BY_TIME));
      if (p.size() < candidates.size()) {
        candidates = p;
      }
    }
    Instant cutoff = cutoff();
    List<StoredEvent> out = new ArrayList<>(Math.min(limit, candidates.size()));
    Iterator<StoredEvent> it = candidates.descendingIterator();
    while (it.hasNext() && out.size() < limit) {
      StoredEvent e = it.next();
      if (e.emittedAt().isBefore(cutoff)
          || (query.since() != null && e.emittedAt().isBefore(query.since()))) {
        break;
      }
      if (query.matches(e.event()) && directory.shows(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Since when memory holds every event (within the topic's retention): the window's start, or the
   * oldest event held once the count bound has dropped older ones; null before the feed started.
   */
  public synchronized Instant coveredSince() {
    if (position.isEmpty()) {
      return null;
    }
    Instant cutoff = cutoff();
    if (evictedByCount && !byTime.isEmpty() && byTime.first().emittedAt().isAfter(cutoff)) {
      return byTime.first().emittedAt();
    }
    return cutoff;
  }

  /**
   * Registers {@code sink} for every event taken in from now on and says what comes before: the
   * events after {@code from} (null: none, the client starts live), from memory when it still has
   * all of them, else as offset ranges to read from the topic.
   */
  public synchronized ResumePlan subscribe(ResumeToken from, EventSink sink) {
    Map<Integer, Long> start = new TreeMap<>();
    Map<Integer, long[]> fromTopic = new TreeMap<>();
    List<StoredEvent> fromMemory = new ArrayList<>();
    Set<Integer> partitions = new HashSet<>(position.keySet());
    if (from != null) {
      partitions.addAll(from.next().keySet());
    }
    for (int p : partitions) {
      Long read = position.get(p);
      if (from == null) {
        start.put(p, read);
        continue;
      }
      long t = from.next(p);
      start.put(p, t);
      if (read == null || t >= read) {
        // Nothing read after the token yet (or the feed is still catching up to it after a
        // restart): the live events bring the rest, and the client skips those before t.
        continue;
      }
      if (t >= coveredFrom.get(p)) {
        fromMemory.addAll(byPartition.getOrDefault(p, new TreeMap<>()).tailMap(t, true).values());
      } else {
        fromTopic.put(p, new long[] {t, read});
      }
    }
    if (!fromTopic.isEmpty()) {
      // Some partition needs the topic: read every partition back from it, so that the replay
      // comes out in one time order (memory's newer events would otherwise overtake it).
      for (int p : partitions) {
        Long read = position.get(p);
        long t = start.get(p);
        if (read != null && t < read) {
          fromTopic.put(p, new long[] {t, read});
        }
      }
      fromMemory.clear();
    }
    fromMemory.sort(StoredEvent.BY_TIME);
    sinks.add(sink);
    return new ResumePlan(start, fromTopic, fromMemory);
  }

  public synchronized void unsubscribe(EventSink sink) {
    sinks.remove(sink);
  }

  /**
   * Drops events past the window, and events naming a person {@code directory} no longer has.
   *
   * @return the events dropped for naming an erased person, and their tracker tracks
   */
  public synchronized Erased sweep(PersonDirectory directory) {
    Instant cutoff = cutoff();
    while (!byTime.isEmpty() && byTime.first().emittedAt().isBefore(cutoff)) {
      evict(byTime.first());
    }
    Set<String> erasedTracks = new HashSet<>();
    int events = 0;
    if (directory.loaded()) {
      for (StoredEvent e : List.copyOf(byTime)) {
        if (directory.erased(e)) {
          remove(e);
          erasedTracks.add(e.trackerTrack());
          events++;
        }
      }
    }
    return new Erased(events, erasedTracks);
  }

  /** What a sweep erased: events, and the tracker tracks they were about. */
  public record Erased(int events, Set<String> tracks) {}

  /** Per camera (stream id): the events held and the newest one's emission time. */
  public synchronized Map<String, CameraEvents> cameras() {
    Map<String, CameraEvents> out = new LinkedHashMap<>();
    byCamera.forEach(
        (id, set) -> out.put(id, new CameraEvents(set.size(), set.last().emittedAt())));
    return out;
  }

  /** A camera's events in memory. */
  public record CameraEvents(int events, Instant lastEventAt) {}

  public synchronized int size() {
    return byTime.size();
  }

  private Instant cutoff() {
    return clock.instant().minus(window);
  }

  private void evict(StoredEvent e) {
    remove(e);
    coveredFrom.merge(e.partition(), e.offset() + 1, Math::max);
  }

  private void remove(StoredEvent e) {
    byTime.remove(e);
    removeFrom(byCamera, e.event().streamId(), e);
    for (String person : persons(e.event())) {
      removeFrom(byPerson, person, e);
    }
    TreeMap<Long, StoredEvent> part = byPartition.get(e.partition());
    if (part != null) {
      part.remove(e.offset());
    }
  }

  private static void removeFrom(
      Map<String, NavigableSet<StoredEvent>> index, String key, StoredEvent e) {
    NavigableSet<StoredEvent> set = index.get(key);
    if (set != null) {
      set.remove(e);
      if (set.isEmpty()) {
        index.remove(key);
      }
    }
  }

  private static Set<String> persons(IdentityEvent e) {
    Set<String> ids = new HashSet<>(2);
    for (PersonRef p : new PersonRef[] {e.person(), e.previousPerson()}) {
      if (p != null) {
        ids.add(p.id());
      }
    }
    return ids;
  }
}
