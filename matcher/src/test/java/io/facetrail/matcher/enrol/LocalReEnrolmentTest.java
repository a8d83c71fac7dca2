package io.facetrail.matcher.enrol;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.local.LocalGallery;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** Re-enrolment against the local gallery. */
class LocalReEnrolmentTest extends ReEnrolmentContract {
  @TempDir Path dir;

  @Override
  protected Gallery openGallery() {
    return LocalGallery.open(dir, Clock.systemUTC());
  }

  @Override
  protected void cleanUp(Gallery gallery) {
    // The temporary directory is deleted by JUnit.
  }
}
