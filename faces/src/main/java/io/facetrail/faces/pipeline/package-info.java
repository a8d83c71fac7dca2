/**
 * The face analysis API: {@link io.facetrail.faces.pipeline.FacePipeline} turns a batch of images
 * into, per image, its faces with box, detection score, 68 landmarks, quality, L2-normalised 128-D
 * embedding and 128-byte code, plus per-stage timings. Created once from validated {@link
 * io.facetrail.faces.pipeline.FacePipelineSettings}; thread-safe.
 */
package io.facetrail.faces.pipeline;
