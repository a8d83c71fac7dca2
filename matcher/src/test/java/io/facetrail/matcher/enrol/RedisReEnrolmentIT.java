package io.facetrail.matcher.enrol;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.redis.RedisGallery;
import io.facetrail.matcher.gallery.redis.RedisSettings;
import java.time.Clock;
import java.util.UUID;

/** Re-enrolment against the shared Redis at 127.0.0.1:6379, under a random key prefix. */
class RedisReEnrolmentIT extends ReEnrolmentContract {
  private final String prefix = "facetrail-test:" + UUID.randomUUID();

  @Override
  protected Gallery openGallery() {
    return RedisGallery.connect(RedisSettings.local("127.0.0.1", 6379, prefix), Clock.systemUTC());
  }

  @Override
  protected void cleanUp(Gallery gallery) {
    ((RedisGallery) gallery).deleteAll();
  }
}
