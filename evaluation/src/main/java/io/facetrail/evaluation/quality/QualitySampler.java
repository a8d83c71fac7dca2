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
 * Codes each person's reference photo as it is and the probe photo under every {@link Degradation}.
 * A probe whose photo as it is shows no face is not degraded (nothing to measure).
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
        if (original != null) {
          List<Degradation> rest = degradations.subList(1, degradations.size());
          List<RgbImage> degraded = new ArrayList<>();
          for (Degradation d : rest) {
            degraded.add(d.apply(probe, original.measures().heightPx(), rng));
          }
          List<CodedFace> coded = coder.code(degraded);
          for (int i = 0; i < rest.size(); i++) {
            rows.add(row(p, false, rest.get(i), coded.get(i)));
          }
        }
        sink.accept(rows.subList(start, rows.size()));
        bar.step();
      }
    }
    return rows;
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
