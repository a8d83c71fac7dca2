/**
 * Face detectors: SSD MobileNetV1 (accurate, the default) and the tiny face detector (fast), with
 * anchor decoding, score threshold, non-maximum suppression and boxes in original image pixels;
 * plus the scanning strategy that handles any image size: padding for faces that fill the frame and
 * tiles for small faces in large frames.
 */
package io.facetrail.faces.detect;
