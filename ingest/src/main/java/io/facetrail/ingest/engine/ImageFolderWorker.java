package io.facetrail.ingest.engine;

import io.facetrail.ingest.media.OpenRequest;
import io.facetrail.ingest.media.PixelCheck;
import io.facetrail.ingest.media.SourceFailure;
import io.facetrail.ingest.media.SourceFailure.Kind;
import io.facetrail.ingest.media.VideoInput;
import io.facetrail.shots.ShotSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a folder of still images, in file-name order, as a stream of frames one second of media
 * time apart (so that no tracker links faces across unrelated photos). Each image is decoded by
 * FFmpeg like a one-frame video; an unreadable image, or one over the pixel limit (checked from its
 * header before FFmpeg opens it), is skipped and counted as corrupt. Logs name images by position,
 * never by file name: photo archives name files after people.
 */
final class ImageFolderWorker implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ImageFolderWorker.class);

  /** Media time between consecutive images. */
  static final long IMAGE_INTERVAL_US = 1_000_000;

  static final Set<String> EXTENSIONS =
      Set.of("jpg", "jpeg", "png", "bmp", "webp", "tif", "tiff", "gif", "pgm", "ppm");

  private final StreamContext stream;
  private final StreamMeters meters;
  private final ShotStage shots;

  ImageFolderWorker(StreamContext stream, StreamMeters meters) {
    this.stream = stream;
    this.meters = meters;
    // Photos of one scene (a time lapse) stay one shot; unrelated photos are a cut apart.
    this.shots = new ShotStage(stream, ShotSettings.defaults());
  }

  @Override
  public void run() {
    stream.decoderThread(Thread.currentThread());
    try (shots) {
      List<Path> images = list(Path.of(stream.spec.input()));
      stream.duration(images.size() * IMAGE_INTERVAL_US);
      stream.state(StreamState.RUNNING, "");
      log.info(
          "Stream '{}' reads {} images from {}", stream.id, images.size(), stream.spec.input());
      for (int i = 0; i < images.size(); i++) {
        if (stream.stopRequested()) {
          shots.finish();
          stream.decoderEnded(EndReason.STOPPED, "stopped", null);
          return;
        }
        read(images.get(i), i, images.size());
      }
      shots.finish();
      stream.decoderEnded(EndReason.COMPLETED, "end of input", null);
    } catch (SourceFailure f) {
      meters.failure(f.kind());
      String cause = "stream '" + stream.id + "': " + f.getMessage();
      log.error("{}", cause);
      stream.decoderEnded(EndReason.FAILED, cause, f.kind());
    } catch (InterruptedException e) {
      stream.decoderEnded(EndReason.STOPPED, "stopped", null);
    } catch (RuntimeException e) {
      log.error("Stream '{}' failed unexpectedly", stream.id, e);
      stream.decoderEnded(EndReason.FAILED, "internal error: " + e, null);
    }
  }

  static List<Path> list(Path folder) throws SourceFailure {
    if (!Files.isDirectory(folder)) {
      throw new SourceFailure(Kind.MISSING_FILE, "folder not found: " + folder);
    }
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> images =
          files.filter(Files::isRegularFile).filter(ImageFolderWorker::isImage).sorted().toList();
      if (images.isEmpty()) {
        throw new SourceFailure(
            Kind.NO_IMAGES, "no images (" + String.join(", ", EXTENSIONS) + ") in " + folder);
      }
      return images;
    } catch (IOException e) {
      throw new SourceFailure(Kind.UNREADABLE, "cannot list " + folder + ": " + e.getMessage());
    }
  }

  private static boolean isImage(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
  }

  private void read(Path image, int index, int total) throws InterruptedException {
    long mediaTimeUs = index * IMAGE_INTERVAL_US;
    long corruptBefore = stream.decode.framesLostToCorruption();
    boolean[] delivered = {false};
    try {
      PixelCheck.checkImage(image, stream.spec.maxImagePixels());
    } catch (SourceFailure f) {
      log.warn(
          "Stream '{}': skipping image {} of {}: {}", stream.id, index + 1, total, f.getMessage());
      stream.unreadableImages.incrementAndGet();
      return;
    }
    try (VideoInput input =
        VideoInput.open(
            OpenRequest.file(image.toString(), 1, stream.spec.maxImagePixels()), stream.decode)) {
      stream.currentInput(input);
      while (!delivered[0]
          && input.readNext(
              (frame, t, key) -> {
                delivered[0] = true;
                stream.frameDecoded(mediaTimeUs);
                long seq = stream.selected.getAndIncrement();
                shots.decoded(frame, mediaTimeUs, PendingFrame.of(seq, mediaTimeUs, true, frame));
              })) {
        // one frame per image
      }
    } catch (SourceFailure f) {
      log.warn(
          "Stream '{}': skipping image {} of {}: {}", stream.id, index + 1, total, f.kind().tag());
    } finally {
      stream.currentInput(null);
    }
    if (!delivered[0] && stream.decode.framesLostToCorruption() == corruptBefore) {
      stream.unreadableImages.incrementAndGet();
    }
  }
}
