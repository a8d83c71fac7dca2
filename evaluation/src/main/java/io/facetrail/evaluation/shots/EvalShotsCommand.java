package io.facetrail.evaluation.shots;

import io.facetrail.evaluation.lfw.LfwLayout;
import io.facetrail.shots.ShotSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code facetrail eval shots}. */
@Command(
    name = "shots",
    mixinStandardHelpOptions = true,
    description = {
      "Shot-boundary precision and recall on videos assembled from real footage.",
      "Generated sequences: shots cut from a real clip (crops at other places and scales, played"
          + " forwards and backwards, some dim, some panning, some with a camera flash) and, with"
          + " --lfw-dir, from collages of real portraits, joined by hard cuts, fades through black,"
          + " dissolves and whip pans. Assembled clips: the real clip's views joined by hard cuts"
          + " only. Each video is encoded (MPEG-4 with B-frames), then decoded by ingest's own"
          + " decoder and signature path.",
      "Prints one JSON line per sequence, one per group (\"sequence\":\"generated\" and"
          + " \"assembled\"), then the configuration. The detector's settings were chosen on seeds"
          + " 1-10 (assembled 11-15); the defaults reproduce the reported run (seeds 101-120,"
          + " assembled 121-130): choose on other seeds than you report."
    })
public final class EvalShotsCommand implements Callable<Integer> {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Spec CommandSpec spec;

  @Option(
      names = "--clip",
      required = true,
      paramLabel = "FILE",
      description = "The real video the shots are cut from.")
  Path clip;

  @Option(
      names = "--lfw-dir",
      paramLabel = "DIR",
      description = "LFW (or any folder of person folders of photos) for collage shots.")
  Path lfwDir;

  @Option(
      names = "--seeds",
      defaultValue = "101-120",
      description =
          "Seeds of the generated sequences, e.g. 1-10 or 3,5 (default: ${DEFAULT-VALUE}).")
  String seeds;

  @Option(
      names = "--assembled",
      defaultValue = "10",
      description =
          "Assembled clips (hard cuts only), seeds after the last of --seeds (default: ${DEFAULT-VALUE}).")
  int assembled;

  @Option(
      names = "--shots",
      defaultValue = "12",
      description = "Shots per sequence (default: ${DEFAULT-VALUE}).")
  int shotCount;

  @Option(
      names = "--keep",
      paramLabel = "DIR",
      description =
          "Keep the generated videos in this folder, with a PNG strip of the frames around every"
              + " false and missed boundary (default: a temporary folder, deleted).")
  Path keep;

  @Override
  public Integer call() throws Exception {
    if (shotCount < 2 || shotCount > 200 || assembled < 0 || assembled > 100) {
      throw new ParameterException(
          spec.commandLine(), "need --shots in 2..200, --assembled in 0..100");
    }
    if (!Files.isRegularFile(clip)) {
      throw new ParameterException(spec.commandLine(), "--clip " + clip + ": no such file");
    }
    List<Long> seedList = SeedRange.parse(seeds);
    ShotSettings settings = ShotSettings.defaults();
    System.err.println("eval shots: loading " + clip.getFileName());
    ClipSource clipSource = ClipSource.load(clip, 400);
    List<ViewSource> sources = new ArrayList<>(List.of(clipSource));
    if (lfwDir != null) {
      sources.addAll(collages(lfwDir, 3));
    }
    Path dir =
        keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("eval-shots");
    try {
      ShotScore generated = null;
      for (long seed : seedList) {
        ShotScore s =
            sequence(
                "generated", ShotPlan.draw(sources, shotCount, seed, true), seed, dir, settings);
        generated = generated == null ? s : generated.plus(s);
      }
      ShotScore plain = null;
      long next = seedList.isEmpty() ? 1 : seedList.get(seedList.size() - 1) + 1;
      for (int i = 0; i < assembled; i++) {
        long seed = next + i;
        ShotScore s =
            sequence(
                "assembled-clip",
                ShotPlan.draw(List.of(clipSource), 8, seed, false),
                seed,
                dir,
                settings);
        plain = plain == null ? s : plain.plus(s);
      }
      summary("generated", generated);
      summary("assembled", plain);
      Map<String, Object> config = new LinkedHashMap<>();
      config.put("eval", "shots");
      config.put("configuration", settings.toString());
      config.put("clip", clip.getFileName().toString());
      config.put("collages", lfwDir != null);
      config.put("seeds", seeds);
      config.put("shotsPerSequence", shotCount);
      System.out.println(JSON.writeValueAsString(config));
    } finally {
      if (keep == null) {
        deleteTree(dir);
      }
    }
    return 0;
  }

  private ShotScore sequence(String kind, ShotPlan plan, long seed, Path dir, ShotSettings settings)
      throws Exception {
    Path file = dir.resolve(kind + "-" + seed + ".mp4");
    ShotVideo.Rendered video = ShotVideo.render(plan, file);
    ShotDetection.Result result = ShotDetection.run(file, settings);
    ShotScore score = ShotScore.of(video.truth(), result.boundaries());
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("eval", "shots");
    line.put("sequence", kind);
    line.put("seed", seed);
    line.put("frames", result.frames());
    line.put("boundaries", score.truths());
    line.put("found", score.found());
    line.put("falseBoundaries", score.falseBoundaries());
    line.put("repeats", score.repeats());
    line.put("precision", round(score.precision()));
    line.put("strictPrecision", round(score.strictPrecision()));
    line.put("recall", round(score.recall()));
    line.put("byKind", kinds(score));
    line.put("flashFrames", video.flashes());
    line.put("pannedShots", video.pannedShots());
    line.put(
        "truth",
        video.truth().stream()
            .map(
                t ->
                    t.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + " "
                        + t.first()
                        + "-"
                        + t.last())
            .toList());
    line.put("detected", result.boundaries().stream().map(b -> b.frameIndex()).toList());
    line.put("missedAt", score.missedAt());
    line.put("falseAt", score.falseAt());
    line.put("falseKinds", score.falseKinds());
    line.put("microsPerFrame", round(result.microsPerFrame()));
    if (keep != null) {
      String stem = kind + "-" + seed;
      ContactSheet.write(file, score.falseAt(), "false", keep.resolve(stem + "-false.png"));
      ContactSheet.write(
          file,
          score.missedAt().stream().map(Long::valueOf).toList(),
          "missed",
          keep.resolve(stem + "-missed.png"));
    }
    System.out.println(JSON.writeValueAsString(line));
    System.err.printf(
        "eval shots: %s seed %d: %d/%d boundaries found, %d false%n",
        kind, seed, score.found(), score.truths(), score.falseBoundaries());
    return score;
  }

  private static void summary(String group, ShotScore s) {
    if (s == null) {
      return;
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("eval", "shots");
    line.put("sequence", group);
    line.put("boundaries", s.truths());
    line.put("found", s.found());
    line.put("falseBoundaries", s.falseBoundaries());
    line.put("repeats", s.repeats());
    line.put("precision", round(s.precision()));
    line.put("strictPrecision", round(s.strictPrecision()));
    line.put("recall", round(s.recall()));
    line.put("byKind", kinds(s));
    System.out.println(JSON.writeValueAsString(line));
  }

  private static Map<String, String> kinds(ShotScore s) {
    Map<String, String> out = new LinkedHashMap<>();
    s.byKind()
        .forEach((k, v) -> out.put(k.name().toLowerCase(java.util.Locale.ROOT), v[1] + "/" + v[0]));
    return out;
  }

  /** Collages of the first photos of people with the most photos: stable for a given LFW. */
  private static List<ViewSource> collages(Path lfw, int count) throws Exception {
    Path root = LfwLayout.images(lfw);
    List<Path> people;
    try (Stream<Path> s = Files.list(root)) {
      people = s.filter(Files::isDirectory).sorted().toList();
    }
    if (people.size() < 12 * count) {
      throw new IllegalArgumentException(
          lfw + ": needs at least " + 12 * count + " person folders");
    }
    List<ViewSource> out = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      List<Path> photos = new ArrayList<>();
      // People spread over the alphabet, one photo each: every collage shows other faces.
      for (int i = 0; i < 12; i++) {
        Path person = people.get((c * 12 + i) * (people.size() / (12 * count)));
        try (Stream<Path> s = Files.list(person)) {
          photos.add(s.sorted().findFirst().orElseThrow());
        }
      }
      out.add(CollageSource.of(photos, "collage-" + c));
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
