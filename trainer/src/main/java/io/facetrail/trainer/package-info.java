/**
 * Training of FaceTrail's embedding models: triplet-loss fine-tuning with online semi-hard mining
 * (FaceNet, section 3) and harmonic embeddings (section 6: a new model whose embeddings stay
 * comparable with an old one's), on DJL's PyTorch engine, with LFW's identity-disjoint folds as the
 * protocol.
 */
package io.facetrail.trainer;
