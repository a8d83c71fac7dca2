package io.facetrail.evaluation.quality;

import io.facetrail.evaluation.lfw.LfwPairs;
import io.facetrail.faces.image.Images;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Codes each person's reference and probe photos as they are and under every {@link Degradation}. A
 * probe whose photo as it is shows no face is not degraded (nothing to measure), nor is its
 * reference (no genuine pair to form); a reference without a face is not degraded either.
 */
final class QualitySampler {
  private final PhotoCoder coder;
  private final Path photos;
  private final long seed;

  QualitySampler(PhotoCoder coder, Path photos, long seed) {
    this.coder = coder;
    this.photos = photos;
    this.seed = seed;
  }

  /**
   * Codes every person's photos, handing each person's rows to {@code sink} as soon as they are
   * done (a long run written as it goes can be stopped and reported on what it has).
   */
  List<SampleRow> sample(
      List<QualityPeople.Person> people, java.util.function.Consumer<List<SampleRow>> sink) {
    List<SampleRow> rows = new ArrayList<>();
    List<Degradation> degradations = Degradation.standard();
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("eval quality")
            .setInitialMax(people.size())
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build()) {
      for (QualityPeople.Person p : people) {
        int start = rows.size();
        Random rng = new Random(seed ^ p.name().hashCode());
        RgbImage reference = read(p.name(), p.referenceIndex());
        RgbImage probe = read(p.name(), p.probeIndex());
        List<CodedFace> asIs = coder.code(List.of(reference, probe));
        rows.add(row(p, true, Degradation.ORIGINAL, asIs.get(0)));
        CodedFace original = asIs.get(1);
        rows.add(row(p, false, Degradation.ORIGINAL, original));
        List<Degradation> rest = degradations.subList(1, degradations.size());
        if (original != null) {
          degrade(p, false, probe, original, rest, rng, rows);
        }
        // The reference degraded the same way, after the probe so that the probe's rows (and the
        // noise drawn for them) are those of a run without it: two degraded photos of one person
        // are the genuine pairs of the both-degraded measurement (BothDegradedTally).
        if (original != null && asIs.get(0) != null) {
          degrade(p, true, reference, asIs.get(0), rest, rng, rows);
        }
        sink.accept(rows.subList(start, rows.size()));
        bar.step();
      }
    }
    return rows;
  }

  private void degrade(
      QualityPeople.Person p,
      boolean isReference,
      RgbImage photo,
      CodedFace asIs,
      List<Degradation> rest,
      Random rng,
      List<SampleRow> rows) {
    List<RgbImage> degraded = new ArrayList<>();
    for (Degradation d : rest) {
      degraded.add(d.apply(photo, asIs.measures().heightPx(), rng));
    }
    List<CodedFace> coded = coder.code(degraded);
    for (int i = 0; i < rest.size(); i++) {
      rows.add(row(p, isReference, rest.get(i), coded.get(i)));
    }
  }

  private static SampleRow row(
      QualityPeople.Person p, boolean reference, Degradation d, CodedFace f) {
    return new SampleRow(
        p.name(),
        p.fit(),
        reference,
        d.measure(),
        d.amount(),
        f == null ? null : f.measures(),
        f == null ? 0f : f.quality(),
        f == null ? null : f.code());
  }

  private RgbImage read(String name, int index) {
    Path file = photos.resolve(LfwPairs.imagePath(name, index));
    try {
      return Images.decode(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UserFacingException("cannot read LFW photo " + file + ": " + e.getMessage(), e);
    }
  }
}
