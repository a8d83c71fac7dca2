package io.facetrail.api.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.facetrail.runtime.config.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poller against a real HTTP server on loopback standing in for an ingest service. */
class IngestStatusPollerTest {
  private HttpServer server;
  private final AtomicReference<String> seenAuthorization = new AtomicReference<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private String serve(String token) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/streams",
        ex -> {
          String auth = ex.getRequestHeaders().getFirst("Authorization");
          seenAuthorization.set(auth);
          byte[] body =
              ("Bearer " + token).equals(auth)
                  ? IngestStatusJsonTest.ANSWER.getBytes(StandardCharsets.UTF_8)
                  : "unauthorised\n".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(("Bearer " + token).equals(auth) ? 200 : 401, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/streams";
  }

  private static String closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + s.getLocalPort() + "/api/streams";
    }
  }

  @Test
  void readsEveryServiceWithItsTokenAndMarksOnesThatStopAnsweringUnreachable() throws Exception {
    String url = serve("s3cret");
    try (IngestStatusPoller poller =
        new IngestStatusPoller(
            List.of(url, closedPort()), Secret.of("s3cret"), Duration.ofSeconds(2))) {
      poller.pollAll();
      assertThat(seenAuthorization.get()).isEqualTo("Bearer s3cret");
      assertThat(poller.streams())
          .extracting(CameraStatus::id, CameraStatus::state)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("lobby", "live"),
              org.assertj.core.groups.Tuple.tuple("gate", "reconnecting"),
              org.assertj.core.groups.Tuple.tuple("archive", "ended"));
      server.stop(0);
      server = null;
      poller.pollAll();
      assertThat(poller.streams())
          .allSatisfy(
              c -> {
                assertThat(c.state()).isEqualTo("unreachable");
                assertThat(c.decodeFps()).isNull();
              });
      assertThat(poller.streams().get(0).input()).isEqualTo("rtsp://cam1/stream");
    }
  }

  @Test
  void aRefusedTokenCountsAsUnreachable() throws Exception {
    String url = serve("right");
    try (IngestStatusPoller poller =
        new IngestStatusPoller(List.of(url), Secret.of("wrong"), Duration.ofSeconds(2))) {
      poller.pollAll();
      assertThat(poller.streams()).isEmpty();
    }
  }
}
