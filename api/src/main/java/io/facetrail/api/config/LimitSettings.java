package io.facetrail.api.config;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;

/**
 * Bounds on what one request may send, checked before anything is allocated for it.
 *
 * @param maxRequestBytes the largest request body (a multipart upload with all its photos)
 * @param maxPhotoBytes the largest single photo
 * @param maxPhotosPerRequest photos one upload may carry
 * @param maxPixels the largest photo in pixels (width x height), checked from the header
 * @param maxTopK the most persons an identification may list
 */
public record LimitSettings(
    long maxRequestBytes, long maxPhotoBytes, int maxPhotosPerRequest, long maxPixels, int maxTopK)
    implements Validated {
  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.range(maxRequestBytes, 1024, 1L << 31, ConfigProblems.path(path, "maxRequestBytes"));
    problems.range(
        maxPhotoBytes, 1024, maxRequestBytes, ConfigProblems.path(path, "maxPhotoBytes"));
    problems.range(maxPhotosPerRequest, 1, 1000, ConfigProblems.path(path, "maxPhotosPerRequest"));
    problems.range(maxPixels, 1, 1L << 31, ConfigProblems.path(path, "maxPixels"));
    problems.range(maxTopK, 1, 1000, ConfigProblems.path(path, "maxTopK"));
  }
}
