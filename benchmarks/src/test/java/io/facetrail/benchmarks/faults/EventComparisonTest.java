package io.facetrail.benchmarks.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventComparisonTest {
  private static final List<String> BASELINE = List.of("a", "b", "c");

  @Test
  void theSameEventsInAnotherOrderPass() {
    EventComparison c = EventComparison.compare(BASELINE, List.of("c", "a", "b"));

    assertThat(c.lost()).isEmpty();
    assertThat(c.duplicated()).isEmpty();
    assertThat(c.extra()).isEmpty();
    assertThat(c.passed()).isTrue();
  }

  @Test
  void anEventMissingFromTheRunIsLost() {
    EventComparison c = EventComparison.compare(BASELINE, List.of("a", "c"));

    assertThat(c.lost()).containsExactly("b");
    assertThat(c.passed()).isFalse();
  }

  @Test
  void anEventReadTwiceIsDuplicatedAndEachRepeatCounts() {
    EventComparison c = EventComparison.compare(BASELINE, List.of("a", "b", "b", "c", "b", "a"));

    assertThat(c.duplicated()).containsOnlyKeys("a", "b").containsEntry("b", 3);
    assertThat(c.duplicateCount()).isEqualTo(3);
    assertThat(c.lost()).isEmpty();
    assertThat(c.passed()).isFalse();
  }

  @Test
  void anEventTheBaselineNeverHadIsExtraButDoesNotFail() {
    EventComparison c = EventComparison.compare(BASELINE, List.of("a", "b", "c", "d"));

    assertThat(c.extra()).containsExactly("d");
    assertThat(c.passed()).isTrue();
  }

  @Test
  void anExtraEventReadTwiceIsBothExtraAndDuplicated() {
    EventComparison c = EventComparison.compare(BASELINE, List.of("a", "b", "c", "d", "d"));

    assertThat(c.extra()).containsExactly("d");
    assertThat(c.duplicated()).containsEntry("d", 2);
    assertThat(c.passed()).isFalse();
  }

  @Test
  void theBaselineComparedWithItselfShowsOnlyItsOwnDuplicates() {
    List<String> baseline = List.of("a", "b", "a");

    EventComparison c = EventComparison.compare(baseline, baseline);

    assertThat(c.lost()).isEmpty();
    assertThat(c.extra()).isEmpty();
    assertThat(c.duplicated()).containsExactly(java.util.Map.entry("a", 2));
  }

  @Test
  void anEmptyRunLosesEverything() {
    EventComparison c = EventComparison.compare(BASELINE, List.of());

    assertThat(c.lost()).containsExactlyElementsOf(BASELINE);
  }
}
