package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.image.RgbImage;
import java.util.List;

/**
 * A generated frame and its ground truth.
 *
 * @param image the frame
 * @param faces the faces placed in it
 * @param ignore regions where the background already held a face (found by any detector on the bare
 *     background): a detection there is neither right nor wrong
 */
record ComposedFrame(RgbImage image, List<PlacedFace> faces, List<FaceBox> ignore) {}
