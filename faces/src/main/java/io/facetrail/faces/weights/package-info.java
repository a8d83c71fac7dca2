/**
 * Loader for TensorFlow.js weight manifests ({@code *-weights_manifest.json} plus binary shards):
 * dequantisation (uint8/uint16 with scale and min, float16, float32, int32) and conversion from
 * TensorFlow layouts (HWIO, depthwise HWC1, dense [in, out]) to PyTorch layouts.
 */
package io.facetrail.faces.weights;
