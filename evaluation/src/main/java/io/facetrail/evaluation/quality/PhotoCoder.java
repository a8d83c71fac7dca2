package io.facetrail.evaluation.quality;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.SubjectLocator;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.pipeline.AnalysedFace;
import io.facetrail.faces.pipeline.FacePipeline;
import java.util.ArrayList;
import java.util.List;

/**
 * Codes the subject of photos through the deployed pipeline: detection (the photo canvas and its
 * retries, so a face the detector can find at all is found), the most central face, landmarks,
 * alignment, embedding with flip, the 128-byte code.
 */
final class PhotoCoder {
  private final FacePipeline pipeline;

  PhotoCoder(FacePipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** One coded face per image, null where no face was found near the centre. */
  List<CodedFace> code(List<RgbImage> images) {
    List<RgbImage> found = new ArrayList<>();
    List<List<Detection>> detections = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      Detection d = SubjectLocator.mostCentral(pipeline.detectPhoto(images.get(i)), images.get(i));
      if (d != null) {
        found.add(images.get(i));
        detections.add(List.of(d));
        at.add(i);
      }
    }
    List<CodedFace> out = new ArrayList<>(images.size());
    images.forEach(i -> out.add(null));
    if (found.isEmpty()) {
      return out;
    }
    List<List<AnalysedFace>> faces = pipeline.describe(found, detections).faces();
    for (int k = 0; k < found.size(); k++) {
      AnalysedFace f = faces.get(k).get(0);
      out.set(
          at.get(k), new CodedFace(f.measures(), f.quality(), FaceCode.quantise(f.embedding())));
    }
    return out;
  }
}
