/**
 * FaceNet's triplet loss: online mining of (anchor, positive, negative) triplets inside a batch of
 * P identities x K faces (plain Java, on the batch's distances), the loss on L2-normalised
 * embeddings, and the training loop that fine-tunes a network with it.
 */
package io.facetrail.trainer.triplet;
