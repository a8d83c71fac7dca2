/**
 * Where the networks run: the {@code cpu | gpu | gpu:N | auto} setting, its resolution against the
 * GPUs PyTorch sees (with a logged fallback), the precision that follows (fp16 only on a GPU), and
 * the engine's thread count.
 */
package io.facetrail.faces.device;
