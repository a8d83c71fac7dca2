package io.facetrail.api.cli;

import io.facetrail.api.config.ApiConfig;
import io.facetrail.api.service.ApiService;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import io.facetrail.matcher.gallery.GalleryTarget;
import io.facetrail.runtime.cli.ConfigOptions;
import io.facetrail.runtime.cli.UserFacingException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code facetrail serve}: the HTTP API and the web console until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the HTTP API (/api/v1, OpenAPI document at /api/v1/openapi.yaml) and the web console"
          + " (/console/): persons and photos, identify and verify, live and recent identity"
          + " events, cameras, indexed videos. Callers need an API key: create one first with"
          + " `facetrail api-keys create --role admin NAME`.",
      "Settings: the built-in defaults (api-defaults.yaml), then --config FILE, then FACETRAIL_*"
          + " environment variables, then these options, then --set KEY=VALUE; --print-config"
          + " shows the result."
    })
public final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Listen on this port (default: http.port, 8090).")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description =
          "Listen on this address (default: http.host, 127.0.0.1; 0.0.0.0 listens on every"
              + " interface).")
  String host;

  @Option(
      names = "--gallery",
      paramLabel = "DIR|redis://HOST:PORT",
      description =
          "The gallery, as for run and the gallery commands (default: "
              + GalleryTarget.DEFAULT
              + ").")
  String gallery;

  @Option(
      names = "--brokers",
      paramLabel = "HOST:PORT",
      description = "The Kafka broker whose identity and tracks topics feed live events.")
  String brokers;

  @Option(
      names = "--index-dir",
      paramLabel = "DIR",
      description = "The output folder of `facetrail index`, to browse indexed videos.")
  String indexDir;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> settings = settings();
    if (config.printIfRequested(ApiConfig.loader(), settings, spec.commandLine().getOut())) {
      return 0;
    }
    ApiConfig c = config.load(ApiConfig.loader(), settings);
    if (gallery != null) {
      c = c.withGallery(GalleryTarget.parse(gallery).applyTo(c.gallery()));
    }
    var err = spec.commandLine().getErr();
    err.println("facetrail: loading the face models");
    ApiService service;
    try {
      service = ApiService.start(c, FaceAnalyzers.open(), Clock.systemUTC());
    } catch (IllegalStateException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
    err.printf(
        "facetrail: console on http://%s:%d/console/ (API /api/v1, keys in %s)%n",
        c.http().host(), service.port(), service.keys().file());
    if (service.keys().isEmpty()) {
      err.println(
          "facetrail: no API key yet: create one with `facetrail api-keys create --role admin"
              + " NAME` (the running server picks it up)");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.close();
                  stopped.countDown();
                },
                "api-shutdown"));
    stopped.await();
    return 0;
  }

  private Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    if (port != null) {
      s.put("http.port", Integer.toString(port));
    }
    if (host != null) {
      s.put("http.host", host);
    }
    if (brokers != null) {
      s.put("kafka.bootstrapServers", brokers);
    }
    if (indexDir != null) {
      s.put("indexDir", indexDir);
    }
    return s;
  }
}
