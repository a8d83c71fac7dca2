package io.facetrail.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeRangeTest {
  @Test
  void rangesOverlappingOrAtMostASecondApartMergeOthersStaySeparate() {
    List<TimeRange> merged =
        TimeRange.merge(
            List.of(
                new TimeRange(5_000, 6_000),
                new TimeRange(0, 1_000),
                new TimeRange(1_900, 2_500),
                new TimeRange(2_000, 3_000)));
    assertThat(merged).containsExactly(new TimeRange(0, 3_000), new TimeRange(5_000, 6_000));
  }

  @Test
  void aRangeEndingBeforeItStartsIsRejected() {
    assertThatThrownBy(() -> new TimeRange(2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before it starts");
  }
}
