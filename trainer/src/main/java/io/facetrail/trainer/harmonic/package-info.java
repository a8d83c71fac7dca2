/**
 * Harmonic embeddings (FaceNet, section 6): a faster v2 trained so that its embeddings stay
 * comparable with the frozen v1's. v2 is v1's network on downscaled chips, its last units trained
 * with triplets mined over the union of both models' embeddings of each batch; v1 enters only as
 * constants.
 */
package io.facetrail.trainer.harmonic;
