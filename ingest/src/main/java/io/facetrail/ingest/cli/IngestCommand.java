package io.facetrail.ingest.cli;

import io.facetrail.ingest.config.IngestConfig;
import io.facetrail.ingest.config.StreamConfig;
import io.facetrail.ingest.engine.EndReason;
import io.facetrail.ingest.engine.StreamOutcome;
import io.facetrail.ingest.service.IngestService;
import io.facetrail.ingest.service.StatusJson;
import io.facetrail.runtime.cli.ConfigOptions;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code facetrail ingest}: the ingest service, from a configuration file or quick inputs. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Decode video files, live streams (RTSP, HTTP(S), HLS), V4L2 devices and folders of images"
          + " into the frames topic.",
      "Settings: the built-in defaults (ingest-defaults.yaml), then --config FILE, then"
          + " FACETRAIL_* environment variables, then this command's options, then --set"
          + " KEY=VALUE; --print-config shows the result (without the INPUT streams).",
      "Streams come from --config and from the INPUTs given here. Files end on their own; live"
          + " sources run until Ctrl-C. Prints one JSON line per stream when it ends.",
      "",
      "Examples:",
      "  facetrail ingest --config ingest.yaml",
      "  facetrail ingest video.mp4 rtsp://cam1/stream --fps 5 --label site=hq",
      "  facetrail ingest archive/ --key-frames --embedded-kafka"
    })
public final class IngestCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Files, folders, URLs, devices.")
  List<String> inputs = new ArrayList<>();

  @ArgGroup(exclusive = true)
  Sampling sampling;

  static final class Sampling {
    @Option(names = "--fps", description = "Publish at most this many frames per second.")
    Double fps;

    @Option(names = "--every-frame", description = "Publish every frame.")
    boolean everyFrame;

    @Option(names = "--key-frames", description = "Decode and publish key frames only.")
    boolean keyFrames;
  }

  @Option(names = "--max-side", description = "Downscale so neither side exceeds this.")
  Integer maxSide;

  @Option(names = "--jpeg-quality", description = "JPEG quality 1..100.")
  Integer jpegQuality;

  @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Label for the INPUT streams.")
  Map<String, String> labels = new LinkedHashMap<>();

  @Option(names = "--bootstrap-servers", description = "Kafka to publish to.")
  String bootstrapServers;

  @Option(names = "--topic-prefix", description = "Prefix of the topic names.")
  String topicPrefix;

  @Option(names = "--embedded-kafka", description = "Publish to an in-process Kafka broker.")
  boolean embeddedKafka;

  @Option(names = "--http-port", description = "Port of /metrics and /health (0 = any free).")
  Integer httpPort;

  @Option(names = "--no-http", description = "Serve no HTTP endpoint.")
  boolean noHttp;

  @Override
  public Integer call() throws Exception {
    if (config.printIfRequested(IngestConfig.loader(), overrides(), spec.commandLine().getOut())) {
      return 0;
    }
    IngestConfig cfg = config.load(IngestConfig.loader(), overrides()).withStreams(quickStreams());
    if (cfg.streams().isEmpty()) {
      throw new UserFacingException(
          "nothing to ingest: give INPUTs or a --config file with streams");
    }
    validateIds(cfg);
    EmbeddedKafkaBroker broker = embeddedKafka ? EmbeddedKafkaBroker.startEphemeral() : null;
    try {
      KafkaSettings kafka =
          broker == null
              ? cfg.kafka()
              : cfg.kafka().withBootstrapServers(broker.bootstrapServers());
      return run(cfg, kafka);
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }

  private int run(IngestConfig cfg, KafkaSettings kafka) throws InterruptedException {
    IngestService service = IngestService.start(cfg, kafka, System.console() != null);
    CountDownLatch printed = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              service.close();
              try {
                printed.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "ingest-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    List<StreamOutcome> outcomes = service.awaitAll();
    outcomes.forEach(o -> System.out.println(StatusJson.outcome(o)));
    System.out.flush();
    printed.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
      service.close();
    } catch (IllegalStateException e) {
      // The JVM is already shutting down (Ctrl-C): the hook closes the service.
    }
    List<String> failed =
        outcomes.stream()
            .filter(o -> o.reason() == EndReason.FAILED)
            .map(StreamOutcome::detail)
            .toList();
    if (!failed.isEmpty()) {
      throw new UserFacingException(
          failed.size()
              + " of "
              + outcomes.size()
              + " streams failed:\n  "
              + String.join("\n  ", failed));
    }
    return 0;
  }

  private void validateIds(IngestConfig cfg) {
    try {
      cfg.sources();
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
  }

  private List<StreamConfig> quickStreams() {
    List<StreamConfig> out = new ArrayList<>();
    for (String input : inputs) {
      StreamConfig s = StreamConfig.of(input);
      out.add(
          new StreamConfig(
              null,
              input,
              null,
              labels.isEmpty() ? null : labels,
              null,
              null,
              s.sampling(),
              s.output(),
              s.decode(),
              s.reconnect(),
              s.openTimeout(),
              s.stallTimeout(),
              s.queueCapacity()));
    }
    return out;
  }

  private Map<String, String> overrides() {
    Map<String, String> o = new LinkedHashMap<>();
    if (sampling != null) {
      if (sampling.fps != null) {
        o.put("defaults.sampling.mode", "fps");
        o.put("defaults.sampling.fps", sampling.fps.toString());
      } else if (sampling.everyFrame) {
        o.put("defaults.sampling.mode", "all");
      } else if (sampling.keyFrames) {
        o.put("defaults.sampling.mode", "key_frames");
      }
    }
    put(o, "defaults.output.maxSide", maxSide);
    put(o, "defaults.output.jpegQuality", jpegQuality);
    put(o, "kafka.bootstrapServers", bootstrapServers);
    put(o, "kafka.topicPrefix", topicPrefix);
    put(o, "http.port", httpPort);
    if (noHttp) {
      o.put("http.enabled", "false");
    }
    return o;
  }

  private static void put(Map<String, String> o, String key, Object value) {
    if (value != null) {
      o.put(key, value.toString());
    }
  }
}
