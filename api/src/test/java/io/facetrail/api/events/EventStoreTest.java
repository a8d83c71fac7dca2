package io.facetrail.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.IdentityEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventStoreTest {
  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  private static final PersonDirectory EVERYONE = PersonDirectory.of(() -> true, id -> true);

  private final FakeClock clock = new FakeClock(T0);

  private static List<Long> offsets(List<StoredEvent> events) {
    return events.stream().map(StoredEvent::offset).toList();
  }

  @Test
  void keepsAtMostItsCapacityDroppingTheOldest() {
    EventStore store = new EventStore(3, Duration.ofHours(1), clock);
    store.assign(0, 0);
    for (int i = 0; i < 5; i++) {
      store.add(0, i, TestEvents.event(i, "cam", "cam/r0/t" + i, null, T0.plusSeconds(i)));
    }
    assertThat(store.size()).isEqualTo(3);
    assertThat(offsets(store.newest(EventQuery.ALL, 10, EVERYONE))).containsExactly(4L, 3L, 2L);
    assertThat(store.coveredSince())
        .as("after dropping by count, memory is complete from its oldest event")
        .isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void keepsNothingOlderThanTheWindow() {
    EventStore store = new EventStore(100, Duration.ofMinutes(10), clock);
    store.assign(0, 0);
    assertThat(store.add(0, 0, TestEvents.event(0, "cam", "t0", null, T0.minusSeconds(601))))
        .isEqualTo(EventStore.Outcome.EXPIRED);
    store.add(0, 1, TestEvents.event(1, "cam", "t1", null, T0.minusSeconds(300)));
    store.add(0, 2, TestEvents.event(2, "cam", "t2", null, T0));
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.coveredSince()).isEqualTo(T0.minus(Duration.ofMinutes(10)));
    clock.advance(Duration.ofMinutes(6));
    assertThat(offsets(store.newest(EventQuery.ALL, 10, EVERYONE)))
        .as("an expired event is not served even before the sweep")
        .containsExactly(2L);
    store.sweep(EVERYONE);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void filtersByCameraPersonTypeAndTimeNewestFirst() {
    EventStore store = new EventStore(100, Duration.ofHours(1), clock);
    store.assign(0, 0);
    store.assign(1, 0);
    store.add(0, 0, TestEvents.event(0, "lobby", "lobby/r0/t0", "p1", T0.minusSeconds(50)));
    store.add(1, 0, TestEvents.event(1, "gate", "gate/r0/t0", "p1", T0.minusSeconds(40)));
    store.add(0, 1, TestEvents.event(2, "lobby", "lobby/r0/t1", null, T0.minusSeconds(30)));
    store.add(
        1,
        1,
        TestEvents.event(
            3, IdentityEventType.ENDED, "gate", "gate/r0/t0", "p1", T0.minusSeconds(20)));
    store.add(0, 2, TestEvents.event(4, "lobby", "lobby/r0/t2", "p2", T0.minusSeconds(10)));

    assertThat(ids(store.newest(EventQuery.ALL, 10, EVERYONE))).containsExactly(4, 3, 2, 1, 0);
    assertThat(ids(store.newest(new EventQuery("lobby", null, null, null, null), 10, EVERYONE)))
        .containsExactly(4, 2, 0);
    assertThat(ids(store.newest(new EventQuery(null, "p1", null, null, null), 10, EVERYONE)))
        .containsExactly(3, 1, 0);
    assertThat(ids(store.newest(new EventQuery("gate", "p1", null, null, null), 10, EVERYONE)))
        .containsExactly(3, 1);
    assertThat(
            ids(
                store.newest(
                    new EventQuery(null, null, IdentityEventType.UNKNOWN, null, null),
                    10,
                    EVERYONE)))
        .containsExactly(2);
    assertThat(
            ids(
                store.newest(
                    new EventQuery(null, null, null, T0.minusSeconds(40), T0.minusSeconds(10)),
                    10,
                    EVERYONE)))
        .as("since inclusive, until exclusive")
        .containsExactly(3, 2, 1);
    assertThat(ids(store.newest(EventQuery.ALL, 2, EVERYONE))).containsExactly(4, 3);
    assertThat(store.newest(new EventQuery("nowhere", null, null, null, null), 10, EVERYONE))
        .isEmpty();
    Map<String, EventStore.CameraEvents> cameras = store.cameras();
    assertThat(cameras.get("lobby")).isEqualTo(new EventStore.CameraEvents(3, T0.minusSeconds(10)));
    assertThat(cameras.get("gate")).isEqualTo(new EventStore.CameraEvents(2, T0.minusSeconds(20)));
  }

  @Test
  void erasureHidesAtOnceAndTheSweepDropsEventsAndNamesTheirTracks() {
    EventStore store = new EventStore(100, Duration.ofHours(1), clock);
    store.assign(0, 0);
    store.add(0, 0, TestEvents.event(0, "cam", "cam/r0/t0", "gone", T0));
    store.add(0, 1, TestEvents.event(1, "cam", "cam/r0/t1/s1", "gone", T0));
    store.add(0, 2, TestEvents.event(2, "cam", "cam/r0/t2", "kept", T0));
    store.add(0, 3, TestEvents.event(3, "cam", "cam/r0/t3", null, T0));
    Set<String> gallery = new HashSet<>(Set.of("gone", "kept"));
    PersonDirectory directory = PersonDirectory.of(() -> true, gallery::contains);
    assertThat(store.newest(EventQuery.ALL, 10, directory)).hasSize(4);
    gallery.remove("gone");
    assertThat(ids(store.newest(EventQuery.ALL, 10, directory))).containsExactly(3, 2);
    EventStore.Erased erased = store.sweep(directory);
    assertThat(erased.events()).isEqualTo(2);
    assertThat(erased.tracks()).containsExactlyInAnyOrder("cam/r0/t0", "cam/r0/t1");
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.newest(new EventQuery(null, "gone", null, null, null), 10, EVERYONE))
        .isEmpty();
  }

  @Test
  void beforeTheGalleryIsLoadedNamedEventsAreHeldBackButNotErased() {
    EventStore store = new EventStore(100, Duration.ofHours(1), clock);
    store.assign(0, 0);
    store.add(0, 0, TestEvents.event(0, "cam", "t0", "p", T0));
    store.add(0, 1, TestEvents.event(1, "cam", "t1", null, T0));
    PersonDirectory unloaded = PersonDirectory.of(() -> false, id -> false);
    assertThat(ids(store.newest(EventQuery.ALL, 10, unloaded))).containsExactly(1);
    assertThat(store.sweep(unloaded).events()).isZero();
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void subscribingWithoutATokenStartsAtTheFeedsPosition() {
    EventStore store = new EventStore(100, Duration.ofHours(1), clock);
    store.assign(0, 5);
    store.add(0, 5, TestEvents.event(0, "cam", "t0", null, T0));
    store.advance(0, 9);
    List<StoredEvent> live = new ArrayList<>();
    ResumePlan plan = store.subscribe(null, live::add);
    assertThat(plan.start()).containsExactlyEntriesOf(Map.of(0, 9L));
    assertThat(plan.fromMemory()).isEmpty();
    assertThat(plan.fromTopic()).isEmpty();
    store.add(0, 9, TestEvents.event(1, "cam", "t1", null, T0));
    assertThat(offsets(live)).containsExactly(9L);
  }

  @Test
  void aTokenInsideMemoryIsServedFromMemoryAnOlderOneFromTheTopic() {
    EventStore store = new EventStore(3, Duration.ofHours(1), clock);
    store.assign(0, 0);
    store.assign(1, 0);
    for (int i = 0; i < 3; i++) {
      store.add(0, i, TestEvents.event(i, "cam", "a" + i, null, T0.plusSeconds(i)));
    }
    store.add(1, 0, TestEvents.event(10, "cam", "b0", null, T0.plusSeconds(10)));
    // Capacity 3: partition 0's offset 0 was dropped, so memory covers partition 0 from 1.
    ResumePlan inMemory = store.subscribe(ResumeToken.of(Map.of(0, 1L, 1, 0L)), e -> {});
    assertThat(inMemory.fromTopic()).isEmpty();
    assertThat(inMemory.fromMemory())
        .extracting(e -> e.partition() + "@" + e.offset())
        .containsExactly("0@1", "0@2", "1@0");
    ResumePlan older = store.subscribe(ResumeToken.of(Map.of(0, 0L, 1, 1L)), e -> {});
    assertThat(older.fromTopic()).containsOnlyKeys(0);
    assertThat(older.fromTopic().get(0)).containsExactly(0L, 3L);
    assertThat(older.fromMemory()).isEmpty();
    assertThat(older.start()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 0L, 1, 1L));
    ResumePlan both = store.subscribe(ResumeToken.of(Map.of(0, 0L, 1, 0L)), e -> {});
    assertThat(both.fromTopic())
        .as("once one partition needs the topic, all are read from it (one time order)")
        .containsOnlyKeys(0, 1);
    assertThat(both.fromTopic().get(1)).containsExactly(0L, 1L);
    assertThat(both.fromMemory()).isEmpty();
  }

  @Test
  void aTokenAheadOfTheFeedWaitsForTheFeedToCatchUp() {
    EventStore store = new EventStore(10, Duration.ofHours(1), clock);
    store.assign(0, 0);
    ResumePlan plan = store.subscribe(ResumeToken.of(Map.of(0, 50L)), e -> {});
    assertThat(plan.fromTopic()).isEmpty();
    assertThat(plan.fromMemory()).isEmpty();
    assertThat(plan.start()).containsEntry(0, 50L);
  }

  private static List<Integer> ids(List<StoredEvent> events) {
    return events.stream().map(e -> (int) e.event().firstSeen().sequence()).toList();
  }
}
