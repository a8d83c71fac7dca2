/**
 * The 128-D embedding network (dlib's ResNet, 29 convolutions, public-domain weights) and the
 * embedder that runs it on aligned 150x150 face chips in batches and L2-normalises the result.
 */
package io.facetrail.faces.embed;
