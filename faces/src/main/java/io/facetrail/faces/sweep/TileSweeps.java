package io.facetrail.faces.sweep;

import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.ScanRequest;
import io.facetrail.faces.detect.ScanSettings;
import io.facetrail.faces.detect.ScanningDetector;
import io.facetrail.faces.detect.TileGrid;
import io.facetrail.faces.image.RgbImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Detection over video streams with the tiles spread over consecutive frames. A 1080p frame needs
 * eight tiles besides the whole-frame pass for 32 px faces; scanning them all on every frame cost
 * nine network passes a frame. A sweep scans the whole frame on every frame (faces of about 135 px
 * and more), {@code tilesPerFrame} tiles in rotation (a face that appears anywhere is found within
 * {@code ceil(8 / tilesPerFrame)} frames) and windows at the image's own resolution around the
 * small faces found lately, packed four to a network pass, so that a small face, once found, is
 * found on every frame for the tracker.
 *
 * <p>Each stream's state is kept in memory only: a new process, a gap in a stream's sequence
 * numbers, a new shot, a new frame size, or frames seen again (a retried batch) start the stream
 * afresh with a scan of every tile. Frames of one stream in one call are scanned one after the
 * other, in waves across streams, so a frame's scan depends on its stream's earlier frames only,
 * never on how frames were batched: the same frames give the same detections. A stream idle for
 * {@link #IDLE} is forgotten, and at most {@link #MAX_STREAMS} are kept (the least recently seen
 * goes first). Not thread-safe: one per model worker.
 */
public final class TileSweeps {
  /** A stream silent this long starts afresh: the scene has moved on. */
  public static final Duration IDLE = Duration.ofSeconds(60);

  /** Streams remembered at most. */
  public static final int MAX_STREAMS = 1024;

  private final int tilesPerFrame;
  private final LongSupplier nanoTime;
  private final LinkedHashMap<String, StreamSweep> streams = new LinkedHashMap<>(16, 0.75f, true);

  /**
   * @param tilesPerFrame tiles scanned per frame; 0 (or at least the grid's tiles) scans every tile
   *     on every frame
   * @param nanoTime the clock idle streams are judged by ({@code System::nanoTime})
   */
  public TileSweeps(int tilesPerFrame, LongSupplier nanoTime) {
    if (tilesPerFrame < 0) {
      throw new IllegalArgumentException("tiles per frame is " + tilesPerFrame + ", must be >= 0");
    }
    this.tilesPerFrame = tilesPerFrame;
    this.nanoTime = nanoTime;
  }

  /** Streams remembered now. */
  public int streamCount() {
    return streams.size();
  }

  /**
   * Detections per frame, in input order. Frames of one stream must come in sequence order.
   *
   * @param keys one per image
   */
  public List<List<Detection>> detect(
      ScanningDetector detector, ScanSettings s, List<RgbImage> images, List<FrameKey> keys) {
    if (keys.size() != images.size()) {
      throw new IllegalArgumentException("one frame key per image");
    }
    long now = nanoTime.getAsLong();
    forgetIdle(now);
    int[] wave = new int[images.size()];
    Map<String, Integer> perStream = new HashMap<>();
    int waves = 0;
    for (int i = 0; i < images.size(); i++) {
      wave[i] = perStream.merge(keys.get(i).stream(), 1, Integer::sum) - 1;
      waves = Math.max(waves, wave[i] + 1);
    }
    List<List<Detection>> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      out.add(List.of());
    }
    for (int w = 0; w < waves; w++) {
      List<Integer> members = new ArrayList<>();
      List<RgbImage> batch = new ArrayList<>();
      List<ScanRequest> requests = new ArrayList<>();
      List<StreamSweep> sweeps = new ArrayList<>();
      for (int i = 0; i < images.size(); i++) {
        if (wave[i] == w) {
          RgbImage image = images.get(i);
          StreamSweep sweep = sweepFor(detector, s, keys.get(i), image, now);
          members.add(i);
          batch.add(image);
          sweeps.add(sweep);
          requests.add(sweep.next(tilesPerFrame));
        }
      }
      List<List<Detection>> found = detector.detect(batch, s, requests);
      for (int m = 0; m < members.size(); m++) {
        int i = members.get(m);
        sweeps.get(m).found(keys.get(i), found.get(m), now);
        out.set(i, found.get(m));
      }
    }
    return out;
  }

  private StreamSweep sweepFor(
      ScanningDetector detector, ScanSettings s, FrameKey key, RgbImage image, long now) {
    StreamSweep sweep = streams.get(key.stream());
    if (sweep == null || !sweep.continuedBy(key, image.width(), image.height())) {
      TileGrid grid = detector.grid(image.width(), image.height(), s);
      sweep = new StreamSweep(grid, key, now);
      streams.put(key.stream(), sweep);
      if (streams.size() > MAX_STREAMS) {
        Iterator<String> eldest = streams.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    }
    return sweep;
  }

  private void forgetIdle(long now) {
    long idle = IDLE.toNanos();
    streams.values().removeIf(sweep -> now - sweep.lastUsedNanos() > idle);
  }
}
