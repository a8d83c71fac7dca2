package io.facetrail.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationParserTest {
  @Test
  void readsHumanAndIsoForms() {
    assertThat(DurationParser.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationParser.parse(" 5s ")).isEqualTo(Duration.ofSeconds(5));
    assertThat(DurationParser.parse("1.5m")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DurationParser.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(DurationParser.parse("30d")).isEqualTo(Duration.ofDays(30));
    assertThat(DurationParser.parse("PT5S")).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void refusesBareNumbersAndNonsense() {
    assertThatThrownBy(() -> DurationParser.parse("5")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> DurationParser.parse("soon")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> DurationParser.parse("PTXS")).hasMessageContaining("ISO-8601");
  }

  @Test
  void refusesDurationsWhoseMillisecondsOverflow() {
    assertThatThrownBy(() -> DurationParser.parse("PT9223372036854775807S"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too long a duration");
    assertThatThrownBy(() -> DurationParser.parse("100000000000000000000d"))
        .hasMessageContaining("too long a duration");
    assertThat(DurationParser.parse("PT2562047788015H").toMillis()).isPositive();
  }

  @Test
  void formatsInTheLargestExactUnit() {
    assertThat(DurationParser.format(Duration.ofDays(30))).isEqualTo("30d");
    assertThat(DurationParser.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(DurationParser.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(DurationParser.format(Duration.ZERO)).isEqualTo("0s");
  }
}
