package io.facetrail.benchmarks.decode;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code facetrail bench decode FILE}. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Ingest throughput on a video file against a bare JavaCV grabImage() loop with the same"
          + " FFmpeg thread count, in the same run.",
      "The clip is looped (without re-encoding) to at least --min-seconds of video; each run drops"
          + " its first --warmup-seconds. Ingest decodes every frame, samples at --fps, encodes"
          + " JPEG and publishes to Kafka (an in-process broker unless --bootstrap-servers).",
      "Prints one JSON line per run and a summary line with the ratio of the medians."
    })
public final class BenchDecodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The video to decode.")
  Path file;

  @Option(names = "--threads", description = "FFmpeg decoder threads for both (default: cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--min-seconds", defaultValue = "60", description = "Video length to loop to.")
  double minSeconds;

  @Option(names = "--warmup-seconds", defaultValue = "5", description = "Unmeasured start.")
  double warmupSeconds;

  @Option(names = "--fps", defaultValue = "5", description = "Ingest sampling rate.")
  double fps;

  @Option(names = "--jpeg-quality", defaultValue = "85", description = "JPEG quality 1..100.")
  int jpegQuality;

  @Option(names = "--max-side", defaultValue = "0", description = "Downscale limit, 0 = none.")
  int maxSide;

  @Option(names = "--rounds", defaultValue = "3", description = "Runs of each contender.")
  int rounds;

  @Option(
      names = "--bootstrap-servers",
      description = "Use this Kafka instead of an in-process one.")
  String bootstrapServers;

  @Option(names = "--target", defaultValue = "0.85", description = "Required ingest/bare ratio.")
  double target;

  @Option(
      names = "--decode-every-frame",
      description =
          "Make ingest decode every frame (by default it leaves non-reference frames"
              + " that sampling will not select undecoded).")
  boolean decodeEveryFrame;

  @Override
  public Integer call() throws Exception {
    if (threads < 1 || rounds < 1 || minSeconds <= warmupSeconds || fps <= 0) {
      throw new ParameterException(
          spec.commandLine(),
          "need --threads >= 1, --rounds >= 1, --fps > 0 and --min-seconds > --warmup-seconds");
    }
    new DecodeBenchmark(
            file,
            threads,
            minSeconds,
            warmupSeconds,
            fps,
            jpegQuality,
            maxSide,
            rounds,
            bootstrapServers,
            target,
            !decodeEveryFrame)
        .run(System.out);
    return 0;
  }
}
