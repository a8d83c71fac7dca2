/** Head pose and the face box read off 68 landmarks: the ground truth of generated test faces. */
package io.facetrail.evaluation.pose;
