package io.facetrail.api.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A Server-Sent Events client over real HTTP, parsing the stream as a browser's EventSource. */
final class SseConnection implements AutoCloseable {
  /** One dispatched event. */
  record Event(String type, String data, String id) {}

  private final HttpResponse<InputStream> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final AtomicInteger comments = new AtomicInteger();
  private final Thread reader;
  private volatile boolean ended;

  private SseConnection(HttpResponse<InputStream> response) {
    this.response = response;
    this.reader = new Thread(this::read, "test-sse-reader");
    this.reader.setDaemon(true);
    if (response.statusCode() == 200) {
      reader.start();
    }
  }

  /**
   * Connects; {@code lastEventId} (may be null) is sent as the Last-Event-ID header.
   *
   * @param url the live endpoint with its query
   */
  static SseConnection open(HttpClient http, URI url, String key, String lastEventId)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url)
            .header("Authorization", "Bearer " + key)
            .header("Accept", "text/event-stream")
            .GET();
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId);
    }
    return new SseConnection(http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
  }

  int status() {
    return response.statusCode();
  }

  String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  /** The body of a refused connection. */
  String errorBody() throws IOException {
    try (InputStream in = response.body()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void read() {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String type = null;
      StringBuilder data = null;
      String id = null;
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(type == null ? "message" : type, data.toString(), id));
          }
          type = null;
          data = null;
          id = null;
        } else if (line.startsWith(":")) {
          comments.incrementAndGet();
        } else {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1);
          if (value.startsWith(" ")) {
            value = value.substring(1);
          }
          switch (field) {
            case "event" -> type = value;
            case "data" ->
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            case "id" -> id = value;
            default -> {
              // Other fields (retry) are not used by the API.
            }
          }
        }
      }
    } catch (IOException e) {
      // The test closed the connection (or the server did): the stream simply ends.
      ended = true;
      return;
    }
    ended = true;
  }

  /** The events of a whole stream's text. */
  static List<Event> parse(String stream) {
    List<Event> out = new ArrayList<>();
    String type = null;
    StringBuilder data = null;
    String id = null;
    for (String line : stream.split("\r?\n", -1)) {
      if (line.isEmpty()) {
        if (data != null) {
          out.add(new Event(type == null ? "message" : type, data.toString(), id));
        }
        type = null;
        data = null;
        id = null;
      } else if (!line.startsWith(":")) {
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        value = value.startsWith(" ") ? value.substring(1) : value;
        switch (field) {
          case "event" -> type = value;
          case "data" ->
              data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
          case "id" -> id = value;
          default -> {
            // Other fields (retry) are not used by the API.
          }
        }
      }
    }
    return out;
  }

  /** The next {@code n} events, failing when they do not come within {@code timeout}. */
  List<Event> take(int n, Duration timeout) throws InterruptedException {
    List<Event> out = new ArrayList<>(n);
    long end = System.nanoTime() + timeout.toNanos();
    while (out.size() < n) {
      Event e = events.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError(
            "got "
                + out.size()
                + " of "
                + n
                + " events, the last: "
                + (out.isEmpty() ? "none" : out.get(out.size() - 1).type()));
      }
      out.add(e);
    }
    return out;
  }

  /** Events that arrive within {@code wait} (none expected, usually). */
  List<Event> drain(Duration wait) throws InterruptedException {
    Thread.sleep(wait.toMillis());
    List<Event> out = new ArrayList<>();
    events.drainTo(out);
    return out;
  }

  int comments() {
    return comments.get();
  }

  boolean ended() {
    return ended;
  }

  @Override
  public void close() throws IOException {
    response.body().close();
  }
}
