/**
 * Annotated videos: an input decoded again with every frame drawn over with the boxes, track ids
 * and names of the run's tracks ({@link io.facetrail.app.report.video.AnnotatedVideo}). Only
 * sampled frames were analysed; {@link io.facetrail.app.report.video.BoxSchedule} decides what
 * frames in between show.
 */
package io.facetrail.app.report.video;
