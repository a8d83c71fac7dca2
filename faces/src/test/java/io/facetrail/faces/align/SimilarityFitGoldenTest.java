package io.facetrail.faces.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facetrail.faces.landmark.trees.ShapeBox;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one similarity fit ({@link PointPairs}) against what the three fits it replaced computed on
 * the same fixed inputs: {@code SimilarityTransform.fit} (double points), the shape predictor's
 * rotation-and-scale part and {@code ShapeBox.fit} (both on float points). The expected numbers
 * were printed by the code before the change (commit e6915e8) from the inputs generated below.
 */
class SimilarityFitGoldenTest {
  // seed, points, then the old SimilarityTransform.fit a, b, tx, ty; the old
  // ShapePredictor.rotationScale a, b; the old ShapeBox.fit left, top, right, bottom.
  private static final double[][] BEFORE = {
    {
      1,
      5,
      115.21050515586174,
      48.08823488649118,
      146.90315354781973,
      293.69757992974587,
      115.21049245672005,
      48.08823508566698,
      121.6485398677878,
      330.410538371043,
      236.85903232450784,
      445.62103082776304
    },
    {
      1,
      68,
      112.50990824967,
      47.163601915840474,
      148.78787835852648,
      296.55634328680185,
      112.50990228164186,
      47.16360096478723,
      123.98004665474573,
      318.5056345868039,
      236.48994893638758,
      431.0155368684458
    },
    {
      2,
      5,
      111.51859826566799,
      -50.84618546027886,
      18.89679429546662,
      229.10269585407985,
      111.5185939779724,
      -50.84618903729935,
      58.54789605487538,
      198.021349419704,
      170.06649003284778,
      309.5399433976764
    },
    {
      2,
      68,
      112.31664385069966,
      -52.06499152756119,
      19.38126829754944,
      230.35457493260344,
      112.31664544482864,
      -52.064992056328144,
      45.05785576672247,
      204.32786966482314,
      157.3745012115511,
      316.64451510965176
    },
    {
      3,
      5,
      113.70060942246965,
      48.91731146321822,
      274.5035908380989,
      204.61399397219859,
      113.70060225828904,
      48.917308390962134,
      250.29243705984098,
      230.47517022708624,
      363.99303931813,
      344.17577248537526
    },
    {
      3,
      68,
      112.2478589672838,
      49.618435992764255,
      275.68784294278004,
      204.65522326735586,
      112.24785176623224,
      49.61843593612543,
      251.64771162157797,
      230.3476346721766,
      363.8955633878102,
      342.59548643840884
    },
  };

  static double[][] before() {
    return BEFORE;
  }

  @ParameterizedTest
  @MethodSource("before")
  void theOneFitGivesWhatTheThreeFitsGave(double[] row) {
    double[] from = from((long) row[0], (int) row[1]);
    double[] to = to((long) row[0], from);

    SimilarityTransform fit = SimilarityTransform.fit(from, to);
    assertThat(new double[] {fit.a(), fit.b(), fit.tx(), fit.ty()})
        .containsExactly(new double[] {row[2], row[3], row[4], row[5]}, within(1e-9));

    SimilarityTransform shapeFit = SimilarityTransform.fit(narrow(from), narrow(to));
    assertThat(new double[] {shapeFit.a(), shapeFit.b()})
        .containsExactly(new double[] {row[6], row[7]}, within(1e-9));

    ShapeBox box = ShapeBox.fit(narrow(to), narrow(from));
    assertThat(new double[] {box.left(), box.top(), box.right(), box.bottom()})
        .containsExactly(new double[] {row[8], row[9], row[10], row[11]}, within(1e-9));
  }

  /** n points uniform in the unit square. */
  private static double[] from(long seed, int n) {
    Random random = new Random(seed);
    double[] points = new double[2 * n];
    for (int i = 0; i < points.length; i++) {
      points[i] = random.nextDouble();
    }
    return points;
  }

  /** The points under a random similarity, plus Gaussian noise of 3 pixels. */
  private static double[] to(long seed, double[] from) {
    Random random = new Random(seed + 1);
    double scale = 50 + 100 * random.nextDouble();
    double angle = random.nextDouble() - 0.5;
    double a = scale * Math.cos(angle);
    double b = scale * Math.sin(angle);
    double tx = 300 * random.nextDouble();
    double ty = 300 * random.nextDouble();
    double[] points = new double[from.length];
    for (int i = 0; i < points.length; i += 2) {
      points[i] = a * from[i] - b * from[i + 1] + tx + 3 * random.nextGaussian();
      points[i + 1] = b * from[i] + a * from[i + 1] + ty + 3 * random.nextGaussian();
    }
    return points;
  }

  private static float[] narrow(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}
