/**
 * TensorFlow graph models (the {@code model.json} + weight shards of TensorFlow.js's graph format)
 * run as DJL blocks: the graph is read node by node, TensorFlow's NHWC layout is executed as
 * PyTorch's NCHW, and the weights become parameters that can be fine-tuned.
 */
package io.facetrail.faces.graph;
