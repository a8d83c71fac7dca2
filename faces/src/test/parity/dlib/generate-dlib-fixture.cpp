// Regenerates FaceTrail's dlib parity fixture with dlib itself (Debian's libdlib-dev 19.24): its
// HOG face detector, its 68-point shape predictor and its face chip on the parity portrait. Run
// once when the fixture must change, never from tests: see generate-dlib-fixture.sh.
//
// Writes dlib-reference.json (the detection box, the 68 points, the chip's angle and rectangle)
// and dlib-chip-150.png (extract_image_chip(get_face_chip_details(shape, 150, 0.25)), lossless).
#include <dlib/image_io.h>
#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>

#include <fstream>
#include <iomanip>
#include <iostream>

using namespace dlib;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: generate-dlib-fixture PORTRAIT.png SHAPE_PREDICTOR.dat OUT_DIR\n";
    return 2;
  }
  array2d<rgb_pixel> img;
  load_image(img, argv[1]);
  shape_predictor sp;
  deserialize(argv[2]) >> sp;
  // The portrait's face (about 70 px) is below the detector's 80 px window: search the image
  // upsampled once, as dlib's examples do, and map the box back.
  frontal_face_detector detector = get_frontal_face_detector();
  pyramid_down<2> pyr;
  array2d<rgb_pixel> up;
  pyramid_up(img, up, pyr);
  std::vector<rectangle> found = detector(up);
  if (found.size() != 1) {
    std::cerr << "expected one face, found " << found.size() << "\n";
    return 1;
  }
  rectangle box = pyr.rect_down(found[0]);
  full_object_detection shape = sp(img, box);
  chip_details chip = get_face_chip_details(shape, 150, 0.25);
  matrix<rgb_pixel> pixels;
  extract_image_chip(img, chip, pixels);
  std::string out(argv[3]);
  save_png(pixels, out + "/dlib-chip-150.png");

  std::ofstream json(out + "/dlib-reference.json");
  json << std::setprecision(10);
  json << "{\"library\": \"dlib 19.24 (Debian libdlib-dev 19.24+dfsg-1)\",\n";
  json << " \"image\": \"" << argv[1] << "\",\n";
  json << " \"box\": [" << box.left() << ", " << box.top() << ", " << box.right() << ", "
       << box.bottom() << "],\n";
  json << " \"points\": [";
  for (unsigned long i = 0; i < shape.num_parts(); ++i) {
    json << (i ? ", " : "") << shape.part(i).x() << ", " << shape.part(i).y();
  }
  json << "],\n";
  json << " \"chip\": {\"size\": 150, \"padding\": 0.25, \"angle\": " << chip.angle
       << ", \"rect\": [" << chip.rect.left() << ", " << chip.rect.top() << ", "
       << chip.rect.right() << ", " << chip.rect.bottom() << "]}}\n";
  return 0;
}
