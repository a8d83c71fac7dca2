package io.facetrail.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.synthetic.SyntheticFaces;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The blocked sketch layout under adds, removals (last code into the hole) and refits. */
class SketchBlocksTest {
  private static final SyntheticFaces FACES = SyntheticFaces.standard(9);

  @Test
  void wordsReadBackAsStoredAcrossBlocksAndLanes() {
    SketchBlocks b = new SketchBlocks();
    b.ensureCapacity(300);
    SplittableRandom r = new SplittableRandom(1);
    long[][] words = new long[300][2];
    for (int i = 0; i < 300; i++) {
      words[i][0] = r.nextLong();
      words[i][1] = r.nextLong();
      b.set(i, words[i][0], words[i][1]);
    }
    for (int i = 0; i < 300; i++) {
      assertThat(b.word(i, 0)).isEqualTo(words[i][0]);
      assertThat(b.word(i, 1)).isEqualTo(words[i][1]);
    }
    b.move(299, 7);
    assertThat(b.word(7, 0)).isEqualTo(words[299][0]);
    assertThat(b.word(7, 1)).isEqualTo(words[299][1]);
    assertThat(b.word(6, 0)).isEqualTo(words[6][0]);
    assertThat(b.word(8, 1)).isEqualTo(words[8][1]);
  }

  @Test
  void everySketchMatchesItsCodeAfterRemovalsAndRefit() {
    CodeTable t = new CodeTable();
    for (int i = 0; i < 2_000; i++) {
      t.add(FACES.code(i / 4, i % 4), i / 4, (short) 0);
    }
    t.retrain();
    SplittableRandom r = new SplittableRandom(2);
    for (int n = 0; n < 300; n++) {
      t.removeAt(r.nextInt(t.size));
    }
    for (int i = 0; i < 100; i++) {
      t.add(FACES.code(5_000 + i, 0), 5_000 + i, (short) 0);
    }
    assertSketchesMatch(t);
    t.retrain();
    assertSketchesMatch(t);
  }

  private static void assertSketchesMatch(CodeTable t) {
    long[] expected = new long[2];
    int distinct = 0;
    for (int i = 0; i < t.size; i++) {
      t.quantiser.encode(t.codes, i * CodeTable.D, expected, 0);
      assertThat(t.sketches.word(i, 0)).isEqualTo(expected[0]);
      assertThat(t.sketches.word(i, 1)).isEqualTo(expected[1]);
      distinct += i > 0 && t.sketches.word(i, 0) != t.sketches.word(i - 1, 0) ? 1 : 0;
    }
    // A trained quantiser gives different codes different sketches.
    assertThat(distinct).isGreaterThan(t.size / 2);
  }
}
