package io.facetrail.faces.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.image.RgbImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectLocatorTest {
  private static final RgbImage LFW_PHOTO = new RgbImage(250, 250, new byte[250 * 250 * 3]);

  private static Detection at(float centreX, float centreY, float score) {
    return new Detection(new FaceBox(centreX - 40, centreY - 50, 80, 100), score);
  }

  @Test
  void takesTheMostCentralFaceNotTheBestScoringOne() {
    Detection bystander = at(60, 120, 0.99f);
    Detection subject = at(130, 118, 0.6f);
    assertThat(SubjectLocator.mostCentral(List.of(bystander, subject), LFW_PHOTO))
        .isSameAs(subject);
  }

  @Test
  void aFaceFarFromTheCentreIsNeverTheSubject() {
    // Sam_Bith_0003 and Nelson_Mandela_0001: only a bystander found, 90-106 px off-centre.
    Detection bystander = at(25, 90, 0.75f);
    assertThat(SubjectLocator.mostCentral(List.of(bystander), LFW_PHOTO)).isNull();
    Detection edge = at(125 + 62, 125, 0.9f);
    assertThat(SubjectLocator.mostCentral(List.of(edge), LFW_PHOTO)).isSameAs(edge);
    Detection beyond = at(125 + 63, 125, 0.9f);
    assertThat(SubjectLocator.mostCentral(List.of(beyond), LFW_PHOTO)).isNull();
  }

  @Test
  void theFallbackBoxSitsWhereLfwPutsTheFace() {
    FaceBox b = SubjectLocator.centreBox(LFW_PHOTO).box();
    assertThat(b.centreX()).isEqualTo(125f);
    assertThat(b.centreY()).isEqualTo(125f);
  }
}
