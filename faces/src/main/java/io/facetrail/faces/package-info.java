/**
 * Face detection, landmarks, alignment and 128-D embeddings on DJL (PyTorch engine); model cache,
 * device selection, batching, LFW evaluation and benchmarks.
 */
package io.facetrail.faces;
