package io.facetrail.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.app.FacetrailCli;
import io.facetrail.app.index.IndexCommand;
import io.facetrail.app.index.IndexSettings;
import io.facetrail.app.run.IdentityRate;
import io.facetrail.app.run.RunSettings;
import io.facetrail.app.run.RunStop;
import io.facetrail.benchmarks.movie.FaceMovie;
import io.facetrail.benchmarks.movie.FaceMovie.Appearance;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.matcher.archive.RedisTrackArchive;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryTarget;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.gallery.local.LocalGallery;
import io.facetrail.matcher.gallery.redis.RedisGallery;
import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.runtime.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Erasure reaches everything: a person enrolled and named in an indexed video is erased with {@code
 * gallery delete}; the next {@code index} makes the video's timeline again from the track archive
 * (the gallery changed; the erased person's archived tracks went with them), and then nothing the
 * product wrote or keeps (the index output, the gallery, the track archive, the second run's work
 * folder) holds their name, id, photo names or enrolled codes. The same search over the first run's
 * topics finds them, so the search can fail. Once with a local gallery, once with Redis (under a
 * key prefix of the test's own, named in the {@code --gallery} URL).
 */
class ErasureIT {
  @TempDir Path dir;

  @BeforeAll
  static void data() {
    SharedData.requireLfw();
  }

  /** What one indexing run printed. */
  private record Run(int exit, String out, String err) {}

  /** The gallery of the test: a local folder, or a key prefix of its own on the shared Redis. */
  private record Store(GalleryTarget target, String redisPrefix, Path folder) {
    static Store of(String kind, Path dir) {
      if (kind.equals("redis")) {
        String prefix = "facetrail-test:erasure-" + UUID.randomUUID();
        return new Store(
            GalleryTarget.parse("redis://127.0.0.1:6379/0?keyPrefix=" + prefix), prefix, null);
      }
      Path folder = dir.resolve("gallery");
      return new Store(GalleryTarget.parse(folder.toString()), null, folder);
    }

    Gallery open() {
      return redisPrefix != null
          ? RedisGallery.connect(
              RedisSettings.local("127.0.0.1", 6379, redisPrefix), Clock.systemUTC())
          : LocalGallery.open(folder, Clock.systemUTC());
    }

    /** What the store holds: every file of the folder, or every key under the prefix. */
    List<Traces.Item> contents() throws Exception {
      return redisPrefix != null ? Traces.redisKeys(redisPrefix) : Traces.files(folder);
    }

    String cli() {
      return redisPrefix != null ? target.redis().toString() : folder.toString();
    }
  }

  private Store store;

  @AfterEach
  void cleanUp() {
    if (store != null && store.redisPrefix() != null) {
      try (RedisGallery g = (RedisGallery) store.open()) {
        g.deleteAll();
      }
      // The track archive beside the gallery (matcher.archive), under <prefix>-archive.
      try (RedisTrackArchive a =
          RedisTrackArchive.connect(
              RedisSettings.local("127.0.0.1", 6379, store.redisPrefix() + "-archive"))) {
        a.deleteAll();
      }
    }
  }

  /**
   * What the track archive beside the gallery holds: every file of its folder (a Redis archive's
   * keys start with the gallery's prefix, so {@link Store#contents} has them already).
   */
  private List<Traces.Item> archived() throws Exception {
    if (store.redisPrefix() != null) {
      return List.of();
    }
    return Traces.files(store.folder().resolveSibling("gallery-archive"));
  }

  private Run index(Path archive, Path enrol, Path work) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    IndexSettings s =
        new IndexSettings(
            List.of(archive),
            dir.resolve("out"),
            false,
            RunSettings.builder()
                .setGallery(store.target())
                .setWorkDir(Files.createDirectories(work))
                .optEnrolDir(enrol)
                .optFps(5)
                .optRate(IdentityRate.defaults())
                .optDevice(DeviceSetting.parse("cpu"))
                .build());
    int exit;
    RunStop stop = new RunStop();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = IndexCommand.run(s, o, e, false, stop);
    } finally {
      stop.finished();
    }
    Run r =
        new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    System.err.println(r.err() + r.out());
    return r;
  }

  @ParameterizedTest(name = "{0} gallery")
  @ValueSource(strings = {"local", "redis"})
  void anErasedPersonLeavesNoTraceInTheIndexTheGalleryOrTheTopics(String kind) throws Exception {
    store = Store.of(kind, dir);
    Path enrol = dir.resolve("enrol");
    LfwPhotos.enrol(enrol, "Colin_Powell", 2, 3, 4);
    LfwPhotos.enrol(enrol, "Tony_Blair", 2, 3, 4);
    Path archive = Files.createDirectories(dir.resolve("archive/day1"));
    FaceMovie.write(
        archive.resolve("lobby.mp4"),
        5.0,
        List.of(
            new Appearance(LfwPhotos.photo("Colin_Powell", 1), 0.3, 2.4, 200, 550, 300, 180),
            new Appearance(LfwPhotos.photo("Tony_Blair", 1), 2.6, 4.7, 550, 250, 300, 180)));
    Path out = dir.resolve("out");
    Path json = out.resolve("day1/lobby.mp4.timeline.json");

    Run first = index(archive, enrol, dir.resolve("work-1"));
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(Files.readString(json)).contains("Colin Powell").contains("Tony Blair");

    List<byte[]> traces = new ArrayList<>();
    String id;
    try (Gallery g = store.open()) {
      Person powell =
          g.persons().stream()
              .filter(p -> p.name().equals("Colin Powell"))
              .findFirst()
              .orElseThrow();
      id = powell.id();
      PersonRecord r = g.record(id).orElseThrow();
      assertThat(r.codes()).isNotEmpty();
      traces.add(utf8(id));
      traces.add(utf8("Colin Powell"));
      traces.add(utf8("Colin_Powell")); // the photos' file names, kept as the codes' source
      for (StoredCode c : r.codes()) {
        traces.add(c.code());
        traces.add(utf8(Base64.getEncoder().encodeToString(c.code())));
        traces.add(utf8(c.codeId()));
      }
    }
    // The search finds the person where the product keeps them: it can fail.
    assertThat(Traces.in(Traces.files(out), traces)).isNotEmpty();
    assertThat(Traces.in(store.contents(), traces)).isNotEmpty();
    if (store.redisPrefix() == null) {
      assertThat(Traces.in(archived(), List.of(utf8(id)))).as("the track archive").isNotEmpty();
    }
    List<String> firstTopics = Traces.in(Traces.topics(dir.resolve("work-1/kafka")), traces);
    System.err.println("Traces in the first run's topics (before the erasure): " + firstTopics);
    assertThat(firstTopics).anySatisfy(t -> assertThat(t).startsWith("facetrail.identity.v1/"));

    StringWriter deleted = new StringWriter();
    int exit =
        FacetrailCli.commandLine()
            .setOut(new PrintWriter(deleted, true))
            .execute("gallery", "delete", "--gallery", store.cli(), id);
    assertThat(exit).isZero();
    assertThat(deleted.toString()).contains("erased " + id);

    Run second = index(archive, null, dir.resolve("work-2"));
    assertThat(second.exit()).as(second.err()).isZero();
    // The video's tracks are in the track archive: its timeline is made again from there, and the
    // erased person's track, gone from the archive with them, is left out.
    assertThat(second.out())
        .contains("Indexed 0 video(s), skipped 0 already indexed, 0 failed, 1 refreshed")
        .contains("refreshed  day1/lobby.mp4: gallery changed since indexed");
    assertThat(second.err())
        .contains("day1/lobby.mp4 named 1 person(s) no longer in the gallery by that name: deleted")
        .contains("track(s) of persons erased from the gallery left out");
    // The video was decided again, not just scrubbed: the person kept is still named.
    assertThat(Files.readString(json)).contains("Tony Blair").doesNotContain("Colin Powell");
    assertThat(Files.readString(out.resolve("index.html"))).contains("Tony Blair");

    assertThat(Traces.in(Traces.files(out), traces)).as("index output").isEmpty();
    assertThat(Traces.in(store.contents(), traces)).as("gallery").isEmpty();
    assertThat(Traces.in(archived(), traces)).as("track archive").isEmpty();
    assertThat(Traces.in(Traces.files(dir.resolve("work-2")), traces))
        .as("the second run's work folder")
        .isEmpty();
    assertThat(dir.resolve("work-2/kafka")).as("no pipeline ran: no topics").doesNotExist();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
