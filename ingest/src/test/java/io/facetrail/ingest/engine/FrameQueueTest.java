package io.facetrail.ingest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.junit.jupiter.api.Test;

class FrameQueueTest {
  private static PendingFrame frame(long sequence) {
    AVFrame picture = av_frame_alloc();
    picture.format(AV_PIX_FMT_YUV420P);
    picture.width(16);
    picture.height(16);
    av_frame_get_buffer(picture, 0);
    try {
      return PendingFrame.of(sequence, sequence * 40_000, false, picture);
    } finally {
      av_frame_free(picture);
    }
  }

  @Test
  void liveQueueDropsTheOldestAndReleasesIt() throws Exception {
    FrameQueue queue = new FrameQueue(2, true);
    PendingFrame first = frame(0);
    assertThat(queue.put(first)).isFalse();
    assertThat(queue.put(frame(1))).isFalse();
    assertThat(queue.put(frame(2))).isTrue();

    assertThat(first.picture()).isNull();
    assertThat(queue.poll(10).sequence).isEqualTo(1);
    assertThat(queue.poll(10).sequence).isEqualTo(2);
  }

  @Test
  void fileQueueWaitsForRoomAndLosesNothing() throws Exception {
    FrameQueue queue = new FrameQueue(1, false);
    queue.put(frame(0));
    CompletableFuture<Boolean> blocked =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return queue.put(frame(1));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(100);
    assertThat(blocked).isNotDone();

    assertThat(queue.poll(10).sequence).isEqualTo(0);
    assertThat(blocked.get(5, TimeUnit.SECONDS)).isFalse();
    assertThat(queue.poll(10).sequence).isEqualTo(1);
  }

  @Test
  void closedQueueDrainsThenReportsDrained() throws Exception {
    FrameQueue queue = new FrameQueue(4, false);
    queue.put(frame(0));
    queue.close();

    assertThat(queue.isDrained()).isFalse();
    assertThat(queue.poll(10).sequence).isEqualTo(0);
    assertThat(queue.poll(10)).isNull();
    assertThat(queue.isDrained()).isTrue();
  }
}
