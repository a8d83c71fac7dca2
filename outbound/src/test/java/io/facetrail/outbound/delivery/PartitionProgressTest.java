package io.facetrail.outbound.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The offset to commit never passes a record some target has not finished. */
class PartitionProgressTest {
  @Test
  void nothingToCommitBeforeARecordIsHandedOut() {
    assertThat(new PartitionProgress().committable()).isEmpty();
  }

  @Test
  void theCommitStopsAtTheFirstUnfinishedRecord() {
    PartitionProgress p = new PartitionProgress();
    p.add(10);
    p.add(11);
    p.add(13);
    assertThat(p.committable()).hasValue(10);
    p.finish(11);
    p.finish(13);
    assertThat(p.committable()).as("10 still out").hasValue(10);
    assertThat(p.unfinished()).isEqualTo(1);
    p.finish(10);
    assertThat(p.committable()).as("past 13, the last handed out").hasValue(14);
    assertThat(p.unfinished()).isZero();
    p.add(20);
    assertThat(p.committable()).hasValue(20);
    p.finish(20);
    assertThat(p.committable()).hasValue(21);
  }

  @Test
  void offsetsMustIncrease() {
    PartitionProgress p = new PartitionProgress();
    p.add(5);
    assertThatThrownBy(() -> p.add(5)).isInstanceOf(IllegalArgumentException.class);
    p.finish(5);
    p.committable();
    assertThatThrownBy(() -> p.add(4)).isInstanceOf(IllegalArgumentException.class);
  }
}
