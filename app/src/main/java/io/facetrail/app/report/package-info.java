/**
 * Who appears when in a video: the tracks and identities of a run gathered from the tracks and
 * identity topics ({@link io.facetrail.app.report.TimelineRecorder}), the per-video timeline they
 * make ({@link io.facetrail.app.report.VideoTimeline}), and the HTML report drawn from timelines
 * ({@link io.facetrail.app.report.HtmlReport}), shared by {@code facetrail run --report} and {@code
 * facetrail index}.
 */
package io.facetrail.app.report;
