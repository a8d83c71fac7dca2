package io.facetrail.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTimeFormatTest {
  @Test
  void positionsAreShownToATenthOfASecondWithHoursOnlyWhenNeeded() {
    assertThat(MediaTimeFormat.format(0)).isEqualTo("00:00.0");
    assertThat(MediaTimeFormat.format(83_449)).isEqualTo("01:23.4");
    assertThat(MediaTimeFormat.format(59_960)).isEqualTo("01:00.0");
    assertThat(MediaTimeFormat.format(3_723_400)).isEqualTo("1:02:03.4");
    assertThat(MediaTimeFormat.format(-5)).isEqualTo("00:00.0");
  }

  @Test
  void lengthsSwitchUnitsAtAMinuteAndAnHour() {
    assertThat(MediaTimeFormat.length(4_500)).isEqualTo("4.5 s");
    assertThat(MediaTimeFormat.length(200_000)).isEqualTo("3 min 20 s");
    assertThat(MediaTimeFormat.length(3_720_000)).isEqualTo("1 h 02 min");
  }

  @Test
  void rangesJoinBothEnds() {
    assertThat(MediaTimeFormat.range(new TimeRange(1_000, 4_500))).isEqualTo("00:01.0–00:04.5");
  }
}
