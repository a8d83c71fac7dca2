package io.facetrail.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.app.run.RunCommand;
import io.facetrail.app.run.RunConfigSource;
import io.facetrail.app.run.RunSettings;
import io.facetrail.benchmarks.movie.FaceMovie;
import io.facetrail.benchmarks.movie.FaceMovie.Appearance;
import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventSerde;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.matcher.gallery.GalleryTarget;
import io.facetrail.runtime.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The all-in-one run end to end: a video of real faces with known identities and times, the real
 * opera-house clip, and a corrupt input next to a good one.
 */
class AllInOneIT {
  @TempDir Path dir;

  @BeforeAll
  static void data() {
    SharedData.requireLfw();
  }

  /** Output of a run: exit code, parsed JSON events, the status/summary text. */
  private record Result(int exit, List<IdentityEvent> events, String err) {}

  private Result run(List<String> inputs, Path enrol, boolean json) throws Exception {
    return run(inputs, enrol, json, null, null);
  }

  private Result run(List<String> inputs, Path enrol, boolean json, Path report, Path annotate)
      throws Exception {
    return run(inputs, enrol, json, report, annotate, RunConfigSource.none());
  }

  private Result run(
      List<String> inputs,
      Path enrol,
      boolean json,
      Path report,
      Path annotate,
      RunConfigSource config)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RunSettings s =
        RunSettings.builder()
            .setGallery(GalleryTarget.parse(dir.resolve("gallery").toString()))
            .setWorkDir(Files.createDirectories(dir.resolve("work")))
            .optInputs(inputs)
            .optEnrolDir(enrol)
            .optJson(json)
            .optDevice(DeviceSetting.parse("cpu"))
            .optReport(report)
            .optAnnotate(annotate)
            .optConfig(config)
            .build();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = RunCommand.run(s, o, e);
    }
    String errText = err.toString(StandardCharsets.UTF_8);
    System.err.println(errText);
    List<IdentityEvent> events = new ArrayList<>();
    if (json) {
      IdentityEventSerde serde = new IdentityEventSerde();
      for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          // Every stdout line must be an event of the published schema, and nothing else.
          events.add(serde.deserialize("identity", line.getBytes(StandardCharsets.UTF_8)));
        }
      }
    }
    return new Result(exit, events, errText);
  }

  @Test
  void enrolledPeopleAreIdentifiedOnTheirTracksAndOthersStayUnknown() throws Exception {
    Path enrol = dir.resolve("enrol");
    LfwPhotos.enrol(enrol, "Colin_Powell", 2, 3, 4);
    LfwPhotos.enrol(enrol, "Tony_Blair", 2, 3, 4);
    Path video =
        FaceMovie.write(
            dir.resolve("cast.mp4"),
            9.0,
            List.of(
                new Appearance(LfwPhotos.photo("Colin_Powell", 1), 0.5, 4.5, 150, 450, 170, 170),
                new Appearance(LfwPhotos.photo("Tony_Blair", 1), 3.0, 8.0, 650, 350, 420, 170),
                new Appearance(
                    LfwPhotos.photo("Donald_Rumsfeld", 1), 5.0, 8.5, 180, 240, 200, 170)));

    // The optional outputs ride along on this run: they cost no pipeline run of their own.
    Path report = dir.resolve("run.html");
    Path annotated = dir.resolve("cast.annotated.mp4");
    // A stage setting by its run key (--set) reaches the matcher: a little stricter than the
    // default 1e-2, which these clear faces pass either way.
    RunConfigSource stricter = new RunConfigSource(null, Map.of("matcher.decision.fpir", "0.008"));
    Result r = run(List.of(video.toString()), enrol, true, report, annotated, stricter);

    assertThat(r.exit()).as(r.err()).isZero();
    assertOutputs(report, annotated, r.err());
    Map<String, List<IdentityEvent>> byTrack =
        r.events().stream().collect(Collectors.groupingBy(IdentityEvent::trackId));
    List<IdentityEvent> identified =
        r.events().stream().filter(e -> e.type() == IdentityEventType.IDENTIFIED).toList();
    assertThat(identified)
        .extracting(e -> e.person().name())
        .as(r.err())
        .containsExactlyInAnyOrder("Colin Powell", "Tony Blair");
    assertThat(identified).extracting(IdentityEvent::fpir).containsOnly(0.008);
    for (IdentityEvent id : identified) {
      List<IdentityEvent> track = byTrack.get(id.trackId());
      IdentityEvent end =
          track.stream().filter(e -> e.type() == IdentityEventType.ENDED).findFirst().orElseThrow();
      double expectedFrom = id.person().name().equals("Colin Powell") ? 500 : 3000;
      double expectedTo = id.person().name().equals("Colin Powell") ? 4500 : 8000;
      // At 5 fps a frame is 200 ms; allow a frame or two at each end (detection, confirmation).
      assertThat(end.firstSeen().mediaTimeMs()).isBetween(expectedFrom - 100, expectedFrom + 500);
      assertThat(end.lastSeen().mediaTimeMs()).isBetween(expectedTo - 500, expectedTo + 100);
      // The decision came within about a second of the face appearing.
      assertThat(id.lastSeen().mediaTimeMs() - expectedFrom).isLessThan(1500);
      assertThat(track).noneMatch(e -> e.type() == IdentityEventType.UNKNOWN);
    }
    List<IdentityEvent> unknown =
        r.events().stream().filter(e -> e.type() == IdentityEventType.UNKNOWN).toList();
    assertThat(unknown)
        .as("Rumsfeld (5.0-8.5 s) was not enrolled: " + r.err())
        .anySatisfy(
            e -> {
              assertThat(e.firstSeen().mediaTimeMs()).isBetween(4900.0, 5500.0);
              assertThat(e.lastSeen().mediaTimeMs()).isBetween(8000.0, 8600.0);
            });
    // Nobody else was identified on Rumsfeld's track.
    for (IdentityEvent u : unknown) {
      assertThat(byTrack.get(u.trackId())).noneMatch(e -> e.type() == IdentityEventType.IDENTIFIED);
    }
  }

  /** The report names both identified people; the annotated video has every frame of the input. */
  private static void assertOutputs(Path report, Path annotated, String err) throws Exception {
    String html = Files.readString(report);
    assertThat(html).as(err).contains("<b>Colin Powell</b>").contains("<b>Tony Blair</b>");
    assertThat(html).contains("Unknown faces").contains("data:image/jpeg;base64,");
    assertThat(html).contains("2 persons identified");
    assertThat(err).contains("annotated video written to " + annotated);
    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(annotated.toFile())) {
      g.start();
      assertThat(g.getImageWidth()).isEqualTo(FaceMovie.WIDTH);
      int frames = 0;
      while (g.grabImage() != null) {
        frames++;
      }
      g.stop();
      assertThat(frames).isEqualTo(90); // 9 s at 10 fps
    }
  }

  @Test
  void theRealClipRunsThroughTheWholePipeline() throws Exception {
    Path clip = SharedData.requireVideo("opera-house-pedestrians-1080p.mp4");
    Result r = run(List.of(clip.toString()), null, true);
    assertThat(r.exit()).as(r.err()).isZero();
    long tracks = r.events().stream().map(IdentityEvent::trackId).distinct().count();
    // The tracker's own real-clip test establishes at least four people worth a track (see
    // RealClipTrackingIT); nobody is enrolled, so each ends as an unknown track.
    assertThat(tracks).as(r.err()).isGreaterThanOrEqualTo(4);
    assertThat(r.events()).allMatch(e -> e.type() == IdentityEventType.UNKNOWN);
    assertThat(r.err()).contains("completed: 105 frames read, 21 sampled, 21 published");
  }

  @Test
  void aCorruptInputIsReportedAndTheGoodOneCompletes() throws Exception {
    Path corrupt = dir.resolve("corrupt.mp4");
    byte[] junk = new byte[64 * 1024];
    new java.util.Random(7).nextBytes(junk);
    Files.write(corrupt, junk);
    Path good =
        FaceMovie.write(
            dir.resolve("good.mp4"),
            3.0,
            List.of(
                new Appearance(LfwPhotos.photo("Colin_Powell", 1), 0.2, 2.8, 300, 500, 300, 180)));
    Result r = run(List.of(corrupt.toString(), good.toString()), null, true);
    assertThat(r.exit()).isEqualTo(2);
    String summary = r.err();
    assertThat(summary).as(summary).contains("corrupt.mp4: FAILED");
    assertThat(summary)
        .as(summary)
        .contains("good.mp4: completed: 30 frames read, 15 sampled, 15 published");
  }
}
