/**
 * Fine-tuning the last stage of the v1 embedding network (dlib's ResNet): the frozen trunk (stem
 * and early residual units) whose output is computed once per chip, and a trainable copy of the
 * last residual units and the final dense layer, initialised from the pretrained weights.
 */
package io.facetrail.trainer.head;
