package io.facetrail.embedder.service;

import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;

/**
 * An embedder in its own JVM, for the crash test: {@code EmbedderChild BOOTSTRAP PREFIX INSTANCE}.
 * Prints "READY" once consuming; runs until killed.
 */
public final class EmbedderChild {
  private EmbedderChild() {}

  public static void main(String[] args) throws InterruptedException {
    KafkaSettings kafka = KafkaSettings.local(args[0], args[1]);
    EmbedderConfig config = EmbedderTestSupport.config(kafka, args[2], Map.of());
    EmbedderService service =
        EmbedderService.start(config, new SimpleMeterRegistry(), new Health());
    System.out.println("READY");
    System.out.flush();
    service.awaitStop(Duration.ofHours(1));
  }
}
