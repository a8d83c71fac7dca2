package io.facetrail.benchmarks.tracker;

import io.facetrail.tracker.session.InMemoryBestFaces;
import io.facetrail.tracker.session.StreamSession;
import io.facetrail.tracker.state.SessionCodec;
import io.facetrail.tracker.track.FaceTracker;
import io.facetrail.tracker.track.TrackingParameters;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntToLongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code facetrail bench tracker}: frames per second of the association on one thread, at three
 * levels: the tracker alone ({@code association}), the stream session that also decodes face codes
 * and builds track events ({@code session}), and the session with the state-store round trip the
 * Streams processor does on every record ({@code session+state}).
 */
@Command(
    name = "tracker",
    mixinStandardHelpOptions = true,
    description = {
      "Association throughput of the tracker on one thread (synthetic crowd, 25 fps).",
      "Prints one JSON object per level measured: association, session, session+state;"
          + " frames_per_cpu_second is the one-core rate (thread CPU time), frames_per_second"
          + " the wall-clock rate (lower when other processes share the core)."
    })
public final class TrackerBenchCommand implements Callable<Integer> {
  /** CPU time of this thread: the one-core rate even when other processes share the core. */
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  @Option(
      names = "--faces",
      defaultValue = "10",
      description = "Faces per frame (${DEFAULT-VALUE})")
  int faces;

  @Option(
      names = "--frames",
      defaultValue = "20000",
      description = "Measured frames per level (${DEFAULT-VALUE})")
  int frames;

  @Option(
      names = "--warmup",
      defaultValue = "20000",
      description = "Frames run first and not measured, for the JIT (${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--seed", defaultValue = "1", description = "Scene seed (${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() {
    if (faces < 1 || frames < 1 || warmup < 0) {
      throw new IllegalArgumentException("--faces and --frames must be positive, --warmup >= 0");
    }
    TrackingParameters params = TrackingParameters.defaults();
    SyntheticCrowd crowd = new SyntheticCrowd(faces, warmup + frames, seed);
    report("association", runAssociation(crowd, params));
    report("session", runSession(crowd, params, false));
    report("session+state", runSession(crowd, params, true));
    return 0;
  }

  private double[] runAssociation(SyntheticCrowd crowd, TrackingParameters params) {
    FaceTracker tracker = new FaceTracker(params);
    return timed(
        f -> tracker.step(f * SyntheticCrowd.FRAME_US, crowd.detections(f)).confirmed().size());
  }

  private double[] runSession(SyntheticCrowd crowd, TrackingParameters params, boolean state) {
    SessionCodec codec = new SessionCodec(params);
    InMemoryBestFaces best = new InMemoryBestFaces();
    StreamSession start = StreamSession.start("bench", params);
    if (!state) {
      return timed(f -> start.onFrame(crowd.frame(f), best).events().size());
    }
    // As the Streams processor does on every record: the session read from and written back to
    // its stored form around each frame.
    AtomicReference<byte[]> stored = new AtomicReference<>(codec.encode(start));
    return timed(
        f -> {
          StreamSession session = codec.decode(stored.get());
          long events = session.onFrame(crowd.frame(f), best).events().size();
          stored.set(codec.encode(session));
          return events;
        });
  }

  /**
   * Runs {@code frame} on frames {@code 0..warmup+frames-1} and measures the frames after the
   * warm-up.
   *
   * @param frame one frame's work, returning how many outputs it produced
   * @return wall nanoseconds, this thread's CPU nanoseconds, outputs
   */
  private double[] timed(IntToLongFunction frame) {
    long outputs = 0;
    long start = 0;
    long cpuStart = 0;
    for (int f = 0; f < warmup + frames; f++) {
      if (f == warmup) {
        start = System.nanoTime();
        cpuStart = CPU.getCurrentThreadCpuTime();
        outputs = 0;
      }
      outputs += frame.applyAsLong(f);
    }
    return new double[] {
      System.nanoTime() - start, CPU.getCurrentThreadCpuTime() - cpuStart, outputs
    };
  }

  private void report(String level, double[] result) {
    double seconds = result[0] / 1e9;
    double cpuSeconds = result[1] / 1e9;
    System.out.println(
        String.format(
            Locale.ROOT,
            "{\"benchmark\":\"tracker\",\"level\":\"%s\",\"faces_per_frame\":%d,"
                + "\"frames\":%d,\"warmup_frames\":%d,\"seed\":%d,\"threads\":1,"
                + "\"frames_per_second\":%.1f,\"frames_per_cpu_second\":%.1f,"
                + "\"cpu_microseconds_per_frame\":%.2f,\"outputs\":%d,"
                + "\"java\":\"%s\",\"cpus\":%d,\"load_average\":%.2f}",
            level,
            faces,
            frames,
            warmup,
            seed,
            frames / seconds,
            frames / cpuSeconds,
            result[1] / 1e3 / frames,
            (long) result[2],
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
  }
}
