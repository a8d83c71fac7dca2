/**
 * The embedding networks and the embedders that run them in batches: v1 is dlib's ResNet (29
 * convolutions, public-domain weights, 128-D, on aligned 150x150 chips, L2-normalised here); the v2
 * candidate is MobileFaceNet (192-D, 112x112, run from its TensorFlow graph).
 */
package io.facetrail.faces.embed;
