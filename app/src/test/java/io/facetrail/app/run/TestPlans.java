package io.facetrail.app.run;

import io.facetrail.embedder.config.DetectionProfile;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.matcher.gallery.GalleryTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The plan of a one-clip run into a local gallery under {@code dir}, for tests. */
final class TestPlans {
  /** Where the in-process broker of these plans would listen. */
  static final String BROKER = "127.0.0.1:39092";

  private TestPlans() {}

  static RunPlan plan(Path dir, DetectionProfile profile, Map<String, String> env) {
    return plan(dir, profile, env, null);
  }

  /** As above, embedding with the trained model in {@code model} (null: v1). */
  static RunPlan plan(Path dir, DetectionProfile profile, Map<String, String> env, Path model) {
    return RunPlan.of(
        settings(dir).optDetection(profile).optEmbeddingModel(model).build(), BROKER, env);
  }

  /** The settings of that run, to be completed. */
  static RunSettings.Builder settings(Path dir) {
    return RunSettings.builder()
        .setGallery(GalleryTarget.parse(dir.resolve("gallery").toString()))
        .setWorkDir(dir)
        .optInputs(List.of("clip.mp4"))
        .optDevice(DeviceSetting.parse("cpu"));
  }
}
