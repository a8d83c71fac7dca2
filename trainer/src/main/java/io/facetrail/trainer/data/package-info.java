/**
 * Training data: the identity-disjoint folds of LFW's {@code pairs.txt}, the photos of each
 * identity, and the split of identities into training and held-out sets.
 */
package io.facetrail.trainer.data;
