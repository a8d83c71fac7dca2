package io.facetrail.app.report.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.app.report.TrackBox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoxScheduleTest {
  private static final long FRAME = 40_000; // 25 fps video
  private static final long SAMPLE = 200_000; // analysed at 5 fps

  private final BoxSchedule schedule =
      new BoxSchedule(
          Map.of(
              "a",
              List.of(
                  new TrackBox(200_000, 0, 0, 10, 10),
                  new TrackBox(400_000, 100, 0, 30, 10),
                  new TrackBox(3_000_000, 0, 0, 10, 10))),
          SAMPLE);

  @Test
  void aFrameWithinHalfAFrameOfAnObservationShowsItAsObserved() {
    var o = schedule.at(219_999, FRAME);
    assertThat(o)
        .singleElement()
        .extracting(BoxSchedule.Overlay::kind)
        .isEqualTo(BoxSchedule.Kind.OBSERVED);
    assertThat(schedule.at(180_001, FRAME).get(0).kind()).isEqualTo(BoxSchedule.Kind.OBSERVED);
  }

  @Test
  void framesBetweenObservationsShowTheBoxInterpolated() {
    BoxSchedule.Overlay o = schedule.at(300_000, FRAME).get(0);
    assertThat(o.kind()).isEqualTo(BoxSchedule.Kind.INTERPOLATED);
    assertThat(o.box().x()).isEqualTo(50f);
    assertThat(o.box().width()).isEqualTo(20f);
    assertThat(o.box().mediaTimeUs()).isEqualTo(300_000);
  }

  @Test
  void noBoxBeforeTheFirstObservationNorAcrossGapsLongerThanTwoSeconds() {
    assertThat(schedule.at(100_000, FRAME)).isEmpty();
    assertThat(schedule.at(1_500_000, FRAME)).isEmpty();
  }

  @Test
  void theLastBoxIsHeldForOneSamplingInterval() {
    assertThat(schedule.at(3_100_000, FRAME).get(0).kind()).isEqualTo(BoxSchedule.Kind.HELD);
    assertThat(schedule.at(3_200_000, FRAME)).isEmpty();
  }
}
