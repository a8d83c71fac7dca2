package io.facetrail.ingest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.proto.EndOfStream;
import io.facetrail.contracts.proto.Frame;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.proto.ShotChangeKind;
import io.facetrail.ingest.media.SourceFailure;
import io.facetrail.ingest.sampling.SamplingPolicy;
import io.facetrail.ingest.source.SourceSpec;
import io.facetrail.ingest.testing.FramesTopic;
import io.facetrail.ingest.testing.GeneratedVideo;
import io.facetrail.ingest.testing.KafkaForTests;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.testing.SharedData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files through the engine into a real (in-process) Kafka broker, read back from the topic. */
class FileIngestIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static EmbeddedKafkaBroker broker;
  private static Path video;

  @TempDir static Path dir;
  private KafkaSettings kafka;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedKafkaBroker.startEphemeral();
    video = GeneratedVideo.write(dir.resolve("lobby cam.mp4"), "mp4", 50, 25, 320, 240, 12);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @BeforeEach
  void topics() {
    kafka = KafkaForTests.freshTopics(broker);
  }

  private StreamOutcome ingest(SourceSpec spec) throws Exception {
    try (IngestEngine engine = IngestEngine.builder().setKafka(kafka).build()) {
      return engine.start(spec).completion().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  @Test
  void everyFrameOfAFileIsPublishedInOrderWithLabelsAndAnEndRecord() throws Exception {
    StreamOutcome outcome =
        ingest(SourceSpec.builder(video.toString()).optLabels(Map.of("site", "hq")).build());

    assertThat(outcome.streamId()).isEqualTo("lobby-cam");
    assertThat(outcome.reason()).isEqualTo(EndReason.COMPLETED);
    List<FrameRecord> records = FramesTopic.readStream(kafka, "lobby-cam", WAIT);
    List<Frame> frames = FramesTopic.frames(records);
    assertThat(frames).hasSize(50);
    assertThat(outcome.counts().framesDecoded()).isEqualTo(50);
    assertThat(outcome.counts().framesSelected()).isEqualTo(50);
    assertThat(outcome.counts().framesPublished()).isEqualTo(50);
    for (int i = 0; i < frames.size(); i++) {
      Frame f = frames.get(i);
      assertThat(f.getSequence()).isEqualTo(i);
      assertThat(f.getMediaTimeUs()).isEqualTo(i * 40_000L);
      assertThat(f.getLabelsMap()).containsEntry("site", "hq");
      assertThat(f.getWidth()).isEqualTo(320);
    }
    assertThat(frames.get(0).getKeyFrame()).isTrue();
    BufferedImage decoded =
        ImageIO.read(new ByteArrayInputStream(frames.get(10).getImage().toByteArray()));
    assertThat(decoded.getWidth()).isEqualTo(320);
    assertThat(decoded.getHeight()).isEqualTo(240);
    EndOfStream end = FramesTopic.end(records);
    assertThat(end.getReason()).isEqualTo(io.facetrail.contracts.proto.EndReason.COMPLETED);
    assertThat(end.getFramesPublished()).isEqualTo(50);
    assertThat(end.getLastSequence()).isEqualTo(49);
  }

  @Test
  void aCutBetweenTwoSampledFramesReachesTheNextPublishedFrameAsANewShot() throws Exception {
    Path cut = GeneratedVideo.writeWithCut(dir.resolve("cut.mp4"), 60, 27, 320, 240);
    StreamOutcome outcome =
        ingest(SourceSpec.builder(cut.toString()).optSampling(SamplingPolicy.fps(5)).build());

    assertThat(outcome.reason()).isEqualTo(EndReason.COMPLETED);
    List<Frame> frames = FramesTopic.frames(FramesTopic.readStream(kafka, "cut", WAIT));
    assertThat(frames).hasSize(12);
    assertThat(frames).extracting(Frame::hasShot).containsOnly(true);
    // Frames 0, 5, ..., 25 show the first view; the cut is at frame 27, which is not published.
    assertThat(frames)
        .extracting(f -> f.getShot().getNumber())
        .containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 1L, 1L);
    Frame first = frames.get(6);
    assertThat(first.getShot().hasChange()).isTrue();
    assertThat(first.getShot().getChange().getKind()).isEqualTo(ShotChangeKind.CUT);
    assertThat(first.getShot().getChange().getMediaTimeUs()).isEqualTo(27 * 40_000L);
    assertThat(frames.stream().filter(f -> f.getShot().hasChange())).hasSize(1);
  }

  @Test
  void aMovingObjectOnOneViewIsOneShot() throws Exception {
    Path oneView = GeneratedVideo.writeWithCut(dir.resolve("one-view.mp4"), 50, 0, 320, 240);
    ingest(SourceSpec.builder(oneView.toString()).build());
    List<Frame> frames = FramesTopic.frames(FramesTopic.readStream(kafka, "one-view", WAIT));
    assertThat(frames).hasSize(50);
    assertThat(frames).extracting(f -> f.getShot().getNumber()).containsOnly(0L);
    assertThat(frames).extracting(f -> f.getShot().hasChange()).containsOnly(false);
  }

  @Test
  void fpsSamplingPublishesExactlyTheSelectedFramesDownscaled() throws Exception {
    StreamOutcome outcome =
        ingest(
            SourceSpec.builder(video.toString())
                .optStreamId("sampled")
                .optSampling(SamplingPolicy.fps(5))
                .optMaxSide(160)
                .build());

    List<Frame> frames = FramesTopic.frames(FramesTopic.readStream(kafka, "sampled", WAIT));
    assertThat(outcome.counts().framesDecoded()).isEqualTo(50);
    assertThat(outcome.counts().framesSelected()).isEqualTo(10);
    assertThat(frames).hasSize(10);
    assertThat(frames)
        .extracting(Frame::getMediaTimeUs)
        .containsExactly(
            0L,
            200_000L,
            400_000L,
            600_000L,
            800_000L,
            1_000_000L,
            1_200_000L,
            1_400_000L,
            1_600_000L,
            1_800_000L);
    assertThat(frames.get(0).getWidth()).isEqualTo(160);
    assertThat(frames.get(0).getHeight()).isEqualTo(120);
  }

  @Test
  void keyFrameModeDecodesOnlyKeyFrames() throws Exception {
    StreamOutcome outcome =
        ingest(
            SourceSpec.builder(video.toString())
                .optStreamId("keys")
                .optSampling(SamplingPolicy.keyFrames())
                .build());

    List<Frame> frames = FramesTopic.frames(FramesTopic.readStream(kafka, "keys", WAIT));
    assertThat(frames)
        .extracting(Frame::getMediaTimeUs)
        .containsExactly(0L, 480_000L, 960_000L, 1_440_000L, 1_920_000L);
    assertThat(outcome.counts().framesDecoded()).isEqualTo(5);
  }

  @Test
  void corruptPacketsAreSkippedCountedAndEverySelectedFrameIsStillPublished() throws Exception {
    Path clean = GeneratedVideo.write(dir.resolve("long.mp4"), "mp4", 200, 25, 640, 360, 25);
    Path corrupt = dir.resolve("corrupt.mp4");
    byte[] bytes = Files.readAllBytes(clean);
    Random random = new Random(7);
    for (double at : new double[] {0.35, 0.6, 0.85}) {
      int start = (int) (bytes.length * at);
      for (int i = start; i < start + 2_000; i++) {
        bytes[i] = (byte) random.nextInt(256);
      }
    }
    Files.write(corrupt, bytes);

    StreamOutcome outcome = ingest(SourceSpec.builder(corrupt.toString()).build());

    List<FrameRecord> records = FramesTopic.readStream(kafka, "corrupt", WAIT);
    StreamCounts counts = outcome.counts();
    assertThat(outcome.reason()).isEqualTo(EndReason.COMPLETED);
    assertThat(counts.framesCorrupt()).isPositive();
    assertThat(FramesTopic.frames(records)).hasSize((int) counts.framesSelected());
    assertThat(counts.framesPublished()).isEqualTo(counts.framesSelected());
    assertThat(counts.framesSelected() + counts.framesCorrupt()).isLessThanOrEqualTo(200);
    assertThat(counts.framesSelected()).isGreaterThan(100);
    assertThat(FramesTopic.end(records).getFramesPublished()).isEqualTo(counts.framesSelected());
  }

  @Test
  void zeroByteFileFailsWithASpecificMessageAndAnEndRecord() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.mp4"));

    StreamOutcome outcome = ingest(SourceSpec.builder(empty.toString()).build());

    assertThat(outcome.reason()).isEqualTo(EndReason.FAILED);
    assertThat(outcome.failure()).isEqualTo(SourceFailure.Kind.EMPTY_FILE);
    assertThat(outcome.detail()).contains("stream 'empty'").contains("empty (0 bytes)");
    EndOfStream end = FramesTopic.end(FramesTopic.readStream(kafka, "empty", WAIT));
    assertThat(end.getReason()).isEqualTo(io.facetrail.contracts.proto.EndReason.FAILED);
    assertThat(end.getLastSequence()).isEqualTo(-1);
    assertThat(end.getDetail()).contains("empty (0 bytes)");
  }

  @Test
  void missingFileAndNonVideoFileFailWithTheirCause() throws Exception {
    StreamOutcome missing = ingest(SourceSpec.builder(dir.resolve("nope.mp4").toString()).build());
    Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video\n".repeat(100));
    StreamOutcome notVideo = ingest(SourceSpec.builder(text.toString()).build());

    assertThat(missing.failure()).isEqualTo(SourceFailure.Kind.MISSING_FILE);
    assertThat(missing.detail()).contains("file not found").contains("nope.mp4");
    assertThat(notVideo.failure()).isEqualTo(SourceFailure.Kind.NOT_MEDIA);
    assertThat(notVideo.detail()).contains("not a video").contains("notes.mp4");
  }

  @Test
  void folderOfImagesBecomesAStreamAndUnreadableImagesAreCounted() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("photos"));
    for (int i = 0; i < 3; i++) {
      ImageIO.write(
          GeneratedVideo.picture(i, 200, 150),
          i == 1 ? "png" : "jpg",
          folder.resolve("img" + i + (i == 1 ? ".png" : ".jpg")).toFile());
    }
    Files.write(folder.resolve("img3.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});
    Files.writeString(folder.resolve("readme.txt"), "not an image");

    StreamOutcome outcome = ingest(SourceSpec.builder(folder.toString()).build());

    List<Frame> frames = FramesTopic.frames(FramesTopic.readStream(kafka, "photos", WAIT));
    assertThat(outcome.reason()).isEqualTo(EndReason.COMPLETED);
    assertThat(frames).hasSize(3);
    assertThat(frames)
        .extracting(Frame::getMediaTimeUs)
        .containsExactly(0L, 1_000_000L, 2_000_000L);
    assertThat(outcome.counts().framesCorrupt()).isEqualTo(1);
  }

  /** A PNG whose header states {@code width} x {@code height} but that holds only a few bytes. */
  private static byte[] pngClaiming(int width, int height) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 2);
    for (Object[] chunk :
        List.of(
            new Object[] {"IHDR", ihdr.array()},
            new Object[] {"IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0, 0, 0, 1, 0, 1}},
            new Object[] {"IEND", new byte[0]})) {
      byte[] type = ((String) chunk[0]).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      byte[] data = (byte[]) chunk[1];
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(type);
      crc.update(data);
      out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
      out.writeBytes(type);
      out.writeBytes(data);
      out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
    return out.toByteArray();
  }

  @Test
  void imagesOverThePixelLimitAreSkippedBeforeDecodingAndTheOthersArePublished() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("huge"));
    ImageIO.write(GeneratedVideo.picture(0, 200, 150), "jpg", folder.resolve("a.jpg").toFile());
    // 20000x20000 as the header says: FFmpeg's probe would decode 1.2 GB of it.
    Files.write(folder.resolve("b.png"), pngClaiming(20_000, 20_000));
    // A real image, over the limit this stream sets below.
    ImageIO.write(GeneratedVideo.picture(2, 400, 300), "png", folder.resolve("c.png").toFile());
    ImageIO.write(GeneratedVideo.picture(3, 200, 150), "jpg", folder.resolve("d.jpg").toFile());

    StreamOutcome outcome =
        ingest(SourceSpec.builder(folder.toString()).optMaxImagePixels(100_000).build());

    assertThat(outcome.reason()).isEqualTo(EndReason.COMPLETED);
    List<Frame> frames = FramesTopic.frames(FramesTopic.readStream(kafka, "huge", WAIT));
    assertThat(frames).extracting(Frame::getMediaTimeUs).containsExactly(0L, 3_000_000L);
    assertThat(outcome.counts().framesCorrupt()).isEqualTo(2);
  }

  @Test
  void aVideoWhoseFramesAreOverThePixelLimitFailsToOpenWithTheSizeAndTheLimit() throws Exception {
    StreamOutcome outcome =
        ingest(SourceSpec.builder(video.toString()).optMaxImagePixels(320 * 240 - 1).build());

    assertThat(outcome.reason()).isEqualTo(EndReason.FAILED);
    assertThat(outcome.failure()).isEqualTo(SourceFailure.Kind.TOO_LARGE);
    assertThat(outcome.detail()).contains("320x240 pixels, over the limit of 76799 pixels");
  }

  @Test
  void realClipReadsAll105FramesAndPublishesTheFiveFpsSample() throws Exception {
    Path clip = SharedData.requireVideo("opera-house-pedestrians-1080p.mp4");

    StreamOutcome outcome =
        ingest(SourceSpec.builder(clip.toString()).optSampling(SamplingPolicy.fps(5)).build());
    StreamOutcome decodingAll =
        ingest(
            SourceSpec.builder(clip.toString())
                .optStreamId("opera-all")
                .optSampling(SamplingPolicy.fps(5))
                .optSkipUnusedFrames(false)
                .build());

    List<Frame> frames =
        FramesTopic.frames(FramesTopic.readStream(kafka, "opera-house-pedestrians-1080p", WAIT));
    List<Frame> framesDecodingAll =
        FramesTopic.frames(FramesTopic.readStream(kafka, "opera-all", WAIT));
    StreamCounts counts = outcome.counts();
    assertThat(outcome.reason()).isEqualTo(EndReason.COMPLETED);
    assertThat(counts.framesRead()).isEqualTo(105);
    assertThat(counts.framesSkipped()).isPositive(); // non-reference B-frames between samples
    assertThat(counts.framesCorrupt()).isZero();
    assertThat(frames).hasSize(21).hasSize((int) counts.framesSelected());
    assertThat(frames.get(0).getWidth()).isEqualTo(1920);
    assertThat(frames.get(0).getHeight()).isEqualTo(1080);
    assertThat(frames.get(20).getMediaTimeUs()).isEqualTo(4_000_000L);
    assertThat(decodingAll.counts().framesDecoded()).isEqualTo(105);
    assertThat(decodingAll.counts().framesSkipped()).isZero();
    assertThat(framesDecodingAll)
        .extracting(Frame::getMediaTimeUs)
        .isEqualTo(frames.stream().map(Frame::getMediaTimeUs).toList());
  }
}
