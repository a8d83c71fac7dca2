package io.facetrail.app.run;

import io.facetrail.embedder.config.DetectionProfile;
import io.facetrail.matcher.gallery.GalleryTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The all-in-one plan of a one-clip run into a local gallery under {@code dir}, for tests. */
final class TestPlans {
  private TestPlans() {}

  static AllInOne.Plan plan(Path dir, DetectionProfile profile, Map<String, String> env) {
    return plan(dir, profile, env, null);
  }

  /** As above, embedding with the trained model in {@code model} (null: v1). */
  static AllInOne.Plan plan(
      Path dir, DetectionProfile profile, Map<String, String> env, Path model) {
    RunSettings s =
        new RunSettings(
            List.of("clip.mp4"),
            GalleryTarget.parse(dir.resolve("gallery").toString()),
            null,
            false,
            5,
            IdentityRate.defaults(),
            "cpu",
            dir,
            null,
            null,
            profile,
            model);
    return AllInOne.plan(s, dir, env);
  }
}
