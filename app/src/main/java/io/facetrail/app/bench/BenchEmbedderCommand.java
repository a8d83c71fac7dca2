package io.facetrail.app.bench;

import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.embedder.service.EmbedderService;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code facetrail bench embedder}: frames per second through the embedder service (frames topic to
 * faces topic on the in-process broker, transactions included) against the bare face library on the
 * same frames with the same batch size and threads, in alternating rounds.
 */
@Command(
    name = "embedder",
    mixinStandardHelpOptions = true,
    description = {
      "Frames/s of the embedder service (in-process broker, exactly-once) against the bare face"
          + " library on the same decoded frames, batch size and threads; prints JSON lines.",
      "  facetrail bench embedder video.mp4 --seconds 60"
    })
public final class BenchEmbedderCommand implements Callable<Integer> {
  @Parameters(paramLabel = "VIDEO", description = "A video with faces (looped to cover --seconds).")
  Path video;

  @Option(
      names = "--seconds",
      defaultValue = "60",
      description = "Seconds of video per round (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(
      names = "--fps",
      defaultValue = "5",
      description = "Sampling rate, frames per second of video (default: ${DEFAULT-VALUE}).")
  double fps;

  @Option(
      names = "--batch",
      defaultValue = "16",
      description = "Frames per batch, both sides (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--rounds",
      defaultValue = "2",
      description = "Alternating bare/service rounds (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override an embedder setting, e.g. --set faces.minFaceSize=48 (repeatable).")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    ClipFrames clip = ClipFrames.sample(video, fps);
    int frames = clip.framesFor(seconds);
    // The CPU unless --set names a device: the benchmark's figures are CPU figures by default.
    boolean deviceSet = overrides.containsKey("faces.device");
    EmbedderConfig base =
        EmbedderConfig.loader()
            .load(
                null,
                System.getenv(),
                overrides,
                c ->
                    c.withHttp(c.http().disabled())
                        .withBatching(c.batching().withMaxFrames(batch))
                        .withFaces(
                            deviceSet
                                ? c.faces()
                                : c.faces()
                                    .withDevice(new DeviceSetting(DeviceSetting.Kind.CPU, -1))));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("bench", "embedder");
    config.put("video", video.toString());
    config.put("videoSeconds", frames / clip.sampledFps());
    config.put("frames", frames);
    config.put("frameSize", clip.width() + "x" + clip.height());
    config.put("sampledFps", clip.sampledFps());
    config.put("batch", batch);
    config.put("faces", base.faces().toString());
    config.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    BenchJson.print(config);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
        FacePipeline bare = FacePipeline.create(base.faces())) {
      List<Double> ratios = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        KafkaSettings kafka = KafkaSettings.local(broker.bootstrapServers(), "bench" + round + ".");
        // Alternate which side goes first, so a change in the machine's load during a round does
        // not always favour the same side.
        double bareRate;
        SimpleMeterRegistry serviceMeters = new SimpleMeterRegistry();
        double serviceRate;
        if (round % 2 == 1) {
          bareRate = bareRate(bare, clip, frames);
          serviceRate = serviceRate(base, kafka, clip, frames, serviceMeters);
        } else {
          serviceRate = serviceRate(base, kafka, clip, frames, serviceMeters);
          bareRate = bareRate(bare, clip, frames);
        }
        double ratio = serviceRate / bareRate;
        ratios.add(ratio);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bench", "embedder");
        line.put("round", round);
        line.put("first", round % 2 == 1 ? "bare" : "service");
        line.put("bareFramesPerSecond", bareRate);
        line.put("serviceFramesPerSecond", serviceRate);
        // The service batches what the consumer delivers within maxWait: its batches can be
        // smaller than --batch, which changes the model's speed per frame.
        var batches = serviceMeters.find("facetrail.embedder.batch.size").summary();
        line.put("serviceBatches", batches == null ? 0 : batches.count());
        line.put("serviceMeanBatch", batches == null ? 0 : batches.mean());
        line.put("ratio", ratio);
        line.put(
            "loadAverage",
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        BenchJson.print(line);
      }
      ratios.sort(Double::compare);
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("bench", "embedder");
      summary.put("medianRatio", ratios.get(ratios.size() / 2));
      summary.put("target", 0.85);
      summary.put("pass", ratios.get(ratios.size() / 2) >= 0.85);
      BenchJson.print(summary);
    }
    return 0;
  }

  private double bareRate(FacePipeline pipeline, ClipFrames clip, int frames) {
    // Warm-up with a whole batch, as the service's worker warms up before its clock starts.
    List<byte[]> warmUp = new ArrayList<>();
    for (int k = 0; k < Math.min(frames, batch); k++) {
      warmUp.add(clip.frame(k));
    }
    pipeline.analyseEncoded(warmUp);
    long t0 = System.nanoTime();
    for (int i = 0; i < frames; i += batch) {
      List<byte[]> b = new ArrayList<>();
      for (int k = i; k < Math.min(frames, i + batch); k++) {
        b.add(clip.frame(k));
      }
      pipeline.analyseEncoded(b);
    }
    return frames / ((System.nanoTime() - t0) / 1e9);
  }

  private double serviceRate(
      EmbedderConfig base,
      KafkaSettings kafka,
      ClipFrames clip,
      int frames,
      SimpleMeterRegistry meters) {
    TopicRegistry topics = kafka.topics();
    TopicAdmin.ensureTopics(kafka, topics.all());
    publish(kafka, topics, clip, frames);
    EmbedderConfig config = base.withKafka(kafka);
    Map<String, Object> c = KafkaClients.consumer(kafka, "bench-reader", "bench-reader");
    try (KafkaConsumer<byte[], byte[]> reader =
            new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        EmbedderService service = EmbedderService.start(config, meters, new Health())) {
      // The clock starts once the models are warm: warm-up is not throughput.
      long t0 = System.nanoTime();
      reader.subscribe(List.of(topics.faces().name()));
      int seen = 0;
      while (seen < frames) {
        seen += reader.poll(Duration.ofMillis(100)).count();
        if (service.failure() != null) {
          throw new IllegalStateException(
              "embedder failed during the benchmark", service.failure());
        }
      }
      return frames / ((System.nanoTime() - t0) / 1e9);
    }
  }

  private static void publish(
      KafkaSettings kafka, TopicRegistry topics, ClipFrames clip, int frames) {
    try (KafkaProducer<String, FrameRecord> producer =
        new KafkaProducer<>(
            KafkaClients.producer(kafka, "bench-frames"),
            new StringSerializer(),
            topics.frames().valueSerde().serializer())) {
      long now = System.currentTimeMillis();
      for (int i = 0; i < frames; i++) {
        producer.send(
            new ProducerRecord<>(topics.frames().name(), "bench", clip.record("bench", i, now)));
      }
      producer.flush();
    }
  }
}
