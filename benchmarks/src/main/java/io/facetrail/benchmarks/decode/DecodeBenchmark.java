package io.facetrail.benchmarks.decode;

import io.facetrail.ingest.media.DecodeStats;
import io.facetrail.ingest.media.OpenRequest;
import io.facetrail.ingest.media.SourceFailure;
import io.facetrail.ingest.media.StreamInfo;
import io.facetrail.ingest.media.VideoInput;
import io.facetrail.ingest.sampling.SamplingPolicy;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the decode benchmark: loops the clip to the minimum length, then alternates bare and ingest
 * runs ({@code rounds} of each, so background load hits both alike) and prints one JSON line per
 * run and a summary line comparing the medians.
 *
 * @param file the video
 * @param threads FFmpeg decoder threads for both contenders
 * @param minSeconds loop the clip to at least this much video
 * @param warmupSeconds media time at the start of each run that is not measured
 * @param fps ingest's sampling rate
 * @param jpegQuality ingest's JPEG quality
 * @param maxSide ingest's downscale limit (0 = none)
 * @param rounds runs of each contender
 * @param bootstrapServers an existing Kafka, or null for an in-process broker
 * @param target the fraction of the bare rate ingest must reach
 * @param skipUnusedFrames whether ingest may leave unneeded non-reference frames undecoded
 */
public record DecodeBenchmark(
    Path file,
    int threads,
    double minSeconds,
    double warmupSeconds,
    double fps,
    int jpegQuality,
    int maxSide,
    int rounds,
    String bootstrapServers,
    double target,
    boolean skipUnusedFrames) {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Logger log = LoggerFactory.getLogger(DecodeBenchmark.class);

  /** Runs everything; returns whether ingest reached the target. */
  public boolean run(PrintStream out) throws InterruptedException {
    StreamInfo info = probe();
    Path work;
    try {
      work = Files.createTempDirectory("facetrail-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
    EmbeddedKafkaBroker broker =
        bootstrapServers == null ? EmbeddedKafkaBroker.startEphemeral() : null;
    try {
      LoopedClip.Result clip = LoopedClip.atLeast(file, minSeconds, work.resolve("looped.mp4"));
      KafkaSettings kafka =
          KafkaSettings.local(
              broker != null ? broker.bootstrapServers() : bootstrapServers,
              "bench" + System.currentTimeMillis() + ".");
      TopicAdmin.ensureTopics(kafka, List.of(kafka.topics().frames()));
      Map<String, Object> config = configuration(info, clip);
      List<Double> bare = new ArrayList<>();
      List<Double> ingest = new ArrayList<>();
      List<Double> bareCpu = new ArrayList<>();
      List<Double> ingestCpu = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        RunResult b = BareDecodeRun.run(clip.file(), threads, warmupSeconds);
        bare.add(b.fps());
        bareCpu.add(b.cpuMsPerFrame());
        out.println(line(config, "bare-grabImage", round, b, null));
        RunResult i =
            IngestDecodeRun.run(
                kafka,
                clip.file(),
                "bench-" + round,
                threads,
                warmupSeconds,
                info.frameRate(),
                SamplingPolicy.fps(fps),
                jpegQuality,
                maxSide,
                skipUnusedFrames);
        ingest.add(i.fps());
        ingestCpu.add(i.cpuMsPerFrame());
        out.println(line(config, "ingest", round, i, i));
        out.flush();
      }
      double ratio = median(ingest) / median(bare);
      Map<String, Object> summary = new LinkedHashMap<>(config);
      summary.put("result", "summary");
      summary.put("bareFpsMedian", round1(median(bare)));
      summary.put("ingestFpsMedian", round1(median(ingest)));
      summary.put("ratio", Math.round(ratio * 1000) / 1000.0);
      // CPU time per frame hardly depends on what else runs on the machine; wall time does.
      summary.put("bareCpuMsPerFrameMedian", round1(median(bareCpu)));
      summary.put("ingestCpuMsPerFrameMedian", round1(median(ingestCpu)));
      summary.put("cpuRatio", Math.round(median(bareCpu) / median(ingestCpu) * 1000) / 1000.0);
      summary.put("target", target);
      summary.put("pass", ratio >= target);
      out.println(JSON.writeValueAsString(summary));
      return ratio >= target;
    } finally {
      if (broker != null) {
        broker.close();
      }
      deleteQuietly(work);
    }
  }

  private StreamInfo probe() {
    try (VideoInput input =
        VideoInput.open(OpenRequest.file(file.toString(), threads), new DecodeStats())) {
      return input.info();
    } catch (SourceFailure e) {
      throw new UserFacingException("cannot benchmark " + file + ": " + e.getMessage());
    }
  }

  private Map<String, Object> configuration(StreamInfo info, LoopedClip.Result clip) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("bench", "decode");
    c.put("file", file.toString());
    c.put("codec", info.codec());
    c.put("width", info.width());
    c.put("height", info.height());
    c.put("sourceFps", info.frameRate());
    c.put("loops", clip.loops());
    c.put("videoSeconds", round1(clip.seconds()));
    c.put("warmupSeconds", warmupSeconds);
    c.put("threads", threads);
    c.put("samplingFps", fps);
    c.put("jpegQuality", jpegQuality);
    c.put("maxSide", maxSide);
    c.put("skipUnusedFrames", skipUnusedFrames);
    c.put("kafka", bootstrapServers == null ? "in-process" : "external");
    c.put("cpus", Runtime.getRuntime().availableProcessors());
    c.put("java", System.getProperty("java.version"));
    return c;
  }

  private static String line(
      Map<String, Object> config, String mode, int round, RunResult r, RunResult published) {
    Map<String, Object> m = new LinkedHashMap<>(config);
    m.put("result", "run");
    m.put("mode", mode);
    m.put("round", round);
    m.put("framesMeasured", r.framesMeasured());
    m.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
    m.put("fps", round1(r.fps()));
    m.put("cpuMsPerFrame", round1(r.cpuMsPerFrame()));
    m.put(
        "loadAverage", round1(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    if (published != null) {
      m.put("framesPublished", published.framesPublished());
      m.put("publishedFps", round1(published.publishedFps()));
    }
    return JSON.writeValueAsString(m);
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static void deleteQuietly(Path dir) {
    Function<Path, Boolean> delete = p -> p.toFile().delete();
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(delete::apply);
    } catch (IOException e) {
      // A leftover temporary file is harmless; the benchmark result stands.
      log.warn("Could not delete {}: {}", dir, e.getMessage());
    }
  }
}
