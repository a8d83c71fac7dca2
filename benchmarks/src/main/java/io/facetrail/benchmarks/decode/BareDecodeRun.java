package io.facetrail.benchmarks.decode;

import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * The reference: a plain JavaCV {@code grabImage()} loop (decode and convert every frame to BGR,
 * nothing else) with a given FFmpeg thread count. Frames before the warm-up media time are not
 * measured.
 */
final class BareDecodeRun {
  private BareDecodeRun() {}

  static RunResult run(Path file, int threads, double warmupSeconds) {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.setVideoOption("threads", Integer.toString(threads));
      grabber.start();
      long warmupUs = (long) (warmupSeconds * 1e6);
      long startNanos = 0;
      double startCpu = 0;
      long measured = 0;
      while (grabber.grabImage() != null) {
        if (startNanos == 0) {
          if (grabber.getTimestamp() >= warmupUs) {
            startNanos = System.nanoTime();
            startCpu = RunResult.processCpuSeconds();
          }
          continue;
        }
        measured++;
      }
      grabber.stop();
      if (startNanos == 0) {
        throw new UserFacingException("the file is shorter than the warm-up");
      }
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      return new RunResult(measured, seconds, 0, RunResult.processCpuSeconds() - startCpu);
    } catch (FrameGrabber.Exception e) {
      throw new UserFacingException(
          "the bare decode loop failed on " + file + ": " + e.getMessage(), e);
    }
  }
}
