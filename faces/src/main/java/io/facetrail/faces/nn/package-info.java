/**
 * DJL building blocks for the face networks: convolutions with TensorFlow's padding rules and
 * per-channel affine layers folded into their weights at load time, and a runner that executes a
 * block on a batch with per-call native memory.
 */
package io.facetrail.faces.nn;
