/**
 * The trained embedding models a matcher is configured with ({@code gallery.models}): each folder's
 * {@code model.json} (which other models its codes may be compared with) and its calibration tables
 * (thresholds against its own codes and against another model's).
 */
package io.facetrail.matcher.trained;
