/**
 * Face detectors: SSD MobileNetV1 (accurate, the default) and the tiny face detector (fast), with
 * anchor decoding, score threshold, non-maximum suppression and boxes in original image pixels;
 * plus the scanning strategy that handles any image size: padding for faces that fill the frame and
 * tiles for small faces in large frames ({@link io.facetrail.faces.detect.TileGrid}), and scan
 * requests naming some tiles and windows around known faces, packed into mosaics.
 */
package io.facetrail.faces.detect;
