package io.facetrail.matcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.FaceQuality;
import io.facetrail.matcher.archive.LocalTrackArchive;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import io.facetrail.runtime.testing.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code clusters list|show|name} on an archive of unknown tracks made of LFW faces with the real
 * models, two cameras: no cluster holds two people, people seen several times form clusters across
 * the cameras, and naming a cluster enrols the person and names their archived tracks.
 */
class ClustersCommandsIT {
  private static final List<String> PEOPLE =
      List.of(
          "Tony_Blair", "Colin_Powell", "Donald_Rumsfeld", "George_W_Bush", "Gerhard_Schroeder");

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    Run r = new Run(cl.execute(args), out.toString(), err.toString());
    System.err.println("$ facetrail clusters " + String.join(" ", args) + "\n" + r.out() + r.err());
    return r;
  }

  private static Path photo(Path lfw, String person, int i) {
    return lfw.resolve("lfw-deepfunneled")
        .resolve(person)
        .resolve(String.format("%s_%04d.jpg", person, i));
  }

  /** Photos 1 to 6 of each person archived as unknown tracks of three good frames, two cameras. */
  private Map<String, String> archiveTracks(Path lfw, Path archiveDir) throws IOException {
    Map<String, String> personOf = new HashMap<>();
    Instant t0 = Instant.now().minusSeconds(3600);
    int n = 0;
    try (FaceAnalyzer analyzer = FaceAnalyzers.open();
        TrackArchive archive = LocalTrackArchive.open(archiveDir)) {
      for (int i = 1; i <= 6; i++) {
        for (String person : PEOPLE) {
          var face = analyzer.analyse(photo(lfw, person, i)).get(0);
          String id = "t" + (n++);
          Instant archivedAt = t0.plusSeconds(n);
          Moment at = new Moment(i, i * 1_000_000L, archivedAt.toEpochMilli());
          archive.put(
              new ArchivedTrack(
                  id,
                  i % 2 == 0 ? "entrance" : "lobby",
                  face.modelId(),
                  at,
                  at,
                  archivedAt,
                  3,
                  face.code(),
                  List.of(),
                  new byte[] {(byte) 0xff, (byte) 0xd8, (byte) i},
                  Map.of(),
                  FaceQuality.of(face.measures())),
              new TrackDecision(
                  id,
                  null,
                  Double.NaN,
                  Double.NaN,
                  Double.NaN,
                  Double.NaN,
                  -1,
                  List.of(),
                  false,
                  archivedAt,
                  false,
                  0));
          personOf.put(id, person);
        }
      }
    }
    return personOf;
  }

  @Test
  void clustersHoldOnePersonEachAndNamingOneNamesTheirTracks() throws IOException {
    Path lfw = SharedData.requireLfw();
    String gallery = dir.resolve("gallery").toString();
    Map<String, String> personOf = archiveTracks(lfw, dir.resolve("gallery-archive"));

    Run listed = run(new ClustersListCommand(), "--gallery", gallery, "--json");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    Map<String, List<String>> clusters = new HashMap<>();
    for (String line : listed.out().split("\n")) {
      String id = line.replaceAll(".*\"clusterId\":\"(c[0-9a-f]{12})\".*", "$1");
      List<String> tracks = new ArrayList<>();
      for (String t : line.replaceAll(".*\"trackIds\":\\[([^]]*)].*", "$1").split(",")) {
        tracks.add(t.replace("\"", ""));
      }
      clusters.put(id, tracks);
    }
    Set<String> peopleClustered = new HashSet<>();
    String blair = null;
    for (Map.Entry<String, List<String>> c : clusters.entrySet()) {
      // Precision first: never two people in one cluster.
      assertThat(c.getValue().stream().map(personOf::get).distinct()).hasSize(1);
      String person = personOf.get(c.getValue().get(0));
      if (c.getValue().size() >= 2) {
        peopleClustered.add(person);
        if (person.equals("Tony_Blair")
            && (blair == null || c.getValue().size() > clusters.get(blair).size())) {
          blair = c.getKey();
        }
      }
    }
    assertThat(peopleClustered).hasSizeGreaterThanOrEqualTo(3).contains("Tony_Blair");

    Run shown =
        run(
            new ClustersShowCommand(),
            "--gallery",
            gallery,
            blair,
            "--thumbnails",
            dir.resolve("thumbs").toString());
    assertThat(shown.exitCode()).as(shown.err()).isZero();
    assertThat(shown.out()).startsWith(blair + ": " + clusters.get(blair).size() + " tracks in ");
    assertThat(Files.readAllBytes(dir.resolve("thumbs").resolve("1.jpg"))[0])
        .isEqualTo((byte) 0xff);

    Run named = run(new ClustersNameCommand(), "--gallery", gallery, blair, "--as", "Tony Blair");
    assertThat(named.exitCode()).as(named.err()).isZero();
    assertThat(named.err()).contains("enrolled Tony Blair as ");
    try (TrackArchive archive = LocalTrackArchive.open(dir.resolve("gallery-archive"))) {
      int identified = 0;
      for (String track : clusters.get(blair)) {
        TrackDecision d = archive.decision(track).orElseThrow();
        if (d.identified()) {
          identified++;
          assertThat(d.retroactive()).isTrue();
        }
      }
      assertThat(identified).isGreaterThanOrEqualTo(2);
      // Nobody else's tracks were named after him.
      archive.forEach(
          (t, d) -> {
            if (d.identified()) {
              assertThat(personOf.get(t.trackId())).isEqualTo("Tony_Blair");
            }
          });
    }
    Run after = run(new ClustersListCommand(), "--gallery", gallery);
    assertThat(after.exitCode()).isZero();
    assertThat(after.out()).doesNotContain(blair + "\t" + clusters.get(blair).size() + " tracks");
  }
}
