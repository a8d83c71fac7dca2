package io.facetrail.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.faces.trained.ModelMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCompatibilityTest {
  private static ModelMetadata model(String id, String... compatibleWith) {
    return new ModelMetadata(
        id, "dlib-r29-v1", 104, "crop", 2, "p.bin", List.of(compatibleWith), List.of());
  }

  @Test
  void declaredPairsAreComparableInBothDirectionsAndOthersAreNot() {
    ModelCompatibility c =
        ModelCompatibility.declared(List.of(model("v2", "v1"), model("v3", "v2"), model("x")));
    // Same id, configured or not.
    assertThat(c.compatible("v1", "v1")).isTrue();
    assertThat(c.compatible("x", "x")).isTrue();
    // v2 declares v1 (v1 has no metadata here, as the shipped model).
    assertThat(c.compatible("v2", "v1")).isTrue();
    assertThat(c.compatible("v1", "v2")).isTrue();
    // v3 declares v2; v2 declares v1; declarations are not transitive.
    assertThat(c.compatible("v3", "v2")).isTrue();
    assertThat(c.compatible("v2", "v3")).isTrue();
    assertThat(c.compatible("v3", "v1")).isFalse();
    assertThat(c.compatible("v1", "v3")).isFalse();
    assertThat(c.compatible("x", "v1")).isFalse();
    assertThat(c.compatible("unknown", "v1")).isFalse();
  }

  @Test
  void withoutDeclarationsOnlyEqualIdsAreComparable() {
    ModelCompatibility c = ModelCompatibility.declared(List.of(model("v2")));
    assertThat(c.compatible("v2", "v1")).isFalse();
    assertThat(c.compatible("v1", "v2")).isFalse();
    assertThat(c.compatible("v2", "v2")).isTrue();
  }

  @Test
  void aModelIdDeclaredTwiceIsRefused() {
    assertThatThrownBy(() -> ModelCompatibility.declared(List.of(model("v2", "v1"), model("v2"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v2");
  }

  @Test
  void andNeedsBoth() {
    ModelCompatibility c = ModelCompatibility.declared(List.of(model("v2", "v1")));
    ModelCompatibility notV1 = (q, s) -> !s.equals("v1");
    assertThat(c.and(notV1).compatible("v2", "v1")).isFalse();
    assertThat(c.and(notV1).compatible("v2", "v2")).isTrue();
    assertThat(c.and(notV1).compatible("v2", "v3")).isFalse();
  }
}
