package io.facetrail.evaluation.lfw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LfwPairsTest {
  @TempDir Path dir;

  @Test
  void readsMatchedAndMismatchedPairsPerFold() throws Exception {
    Path f = dir.resolve("pairs.txt");
    Files.writeString(f, "2 1\nAnn 1 2\nBob 1 Cid 3\nDee 2 4\nEve 1 Fay 1\n");
    LfwPairs p = LfwPairs.read(f);
    assertThat(p.folds()).hasSize(2);
    assertThat(p.folds().get(0).get(0)).isEqualTo(new LfwPairs.Pair("Ann", 1, "Ann", 2, true));
    assertThat(p.folds().get(1).get(1)).isEqualTo(new LfwPairs.Pair("Eve", 1, "Fay", 1, false));
    assertThat(LfwPairs.imagePath("Ann", 12)).isEqualTo("Ann/Ann_0012.jpg");
    assertThat(EvalLfwCommand.select(p.folds(), "1-2")).hasSize(2);
  }

  @Test
  void namesTheBadLine() throws Exception {
    Path f = dir.resolve("pairs.txt");
    Files.writeString(f, "1 1\nAnn 1\nBob 1 Cid 3\n");
    assertThatThrownBy(() -> LfwPairs.read(f))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining(":2:");
    Files.writeString(f, "1 2\nAnn 1 2\n");
    assertThatThrownBy(() -> LfwPairs.read(f)).hasMessageContaining("declares 1 folds of 4 pairs");
  }
}
