// Measures dlib's own front end on LFW, for comparison with FaceTrail's (not used by the build or
// the tests): dlib's HOG face detector and 68-point shape predictor locate each photo's face, and
// the 68 points are written as a FaceTrail LFW evaluation cache (photo|landmarks, photo|box,
// photo|source; Java DataOutputStream format), so that `facetrail eval lfw --cache-dir DIR
// --alignments DLIB_CHIP` cuts dlib's chips from dlib's points and embeds them. See
// dlib-front-end-lfw.sh.
//
// The subject is the detection nearest the centre within a quarter of the short side (FaceTrail's
// SubjectLocator rule); else the same on the photo upsampled once (source 1); else a central box
// of 42% of the photo (source 2).
#include <dlib/image_io.h>
#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

using namespace dlib;

static void be32(std::ostream& o, uint32_t v) {
  char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
  o.write(b, 4);
}

// One record of FaceTrail's EmbeddingCache: writeUTF(key), writeInt(n), n x writeFloat.
static void put(std::ostream& o, const std::string& key, const std::vector<float>& v) {
  char h[2] = {char(key.size() >> 8), char(key.size())};
  o.write(h, 2);
  o.write(key.data(), key.size());
  be32(o, v.size());
  for (float f : v) {
    uint32_t u;
    std::memcpy(&u, &f, 4);
    be32(o, u);
  }
}

static std::string photo(const std::string& name, int index) {
  char b[16];
  std::snprintf(b, sizeof b, "_%04d.jpg", index);
  return name + "/" + name + b;
}

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: dlib-front-end-lfw LFW_DIR PAIRS SHAPE_PREDICTOR.dat OUT.emb\n";
    return 2;
  }
  std::string root = argv[1];
  std::ifstream pairs(argv[2]);
  std::string line;
  std::getline(pairs, line);  // "10 300"
  std::set<std::string> photos;
  while (std::getline(pairs, line)) {
    std::istringstream s(line);
    std::vector<std::string> t;
    for (std::string w; s >> w;) t.push_back(w);
    if (t.size() == 3) {
      photos.insert(photo(t[0], std::stoi(t[1])));
      photos.insert(photo(t[0], std::stoi(t[2])));
    } else if (t.size() == 4) {
      photos.insert(photo(t[0], std::stoi(t[1])));
      photos.insert(photo(t[2], std::stoi(t[3])));
    }
  }
  frontal_face_detector detector = get_frontal_face_detector();
  shape_predictor sp;
  deserialize(argv[3]) >> sp;
  std::ofstream out(argv[4], std::ios::binary);
  int counts[3] = {0, 0, 0};
  for (const std::string& p : photos) {
    array2d<rgb_pixel> img;
    load_image(img, root + "/" + p);
    double cx = img.nc() / 2.0, cy = img.nr() / 2.0;
    double maxOffset = 0.25 * std::min(img.nc(), img.nr());
    auto central = [&](const std::vector<rectangle>& found, double scale, rectangle& best) {
      double bestDistance = 1e9;
      for (const rectangle& r : found) {
        double d = std::hypot((r.left() + r.right() + 1) / 2.0 / scale - cx,
                              (r.top() + r.bottom() + 1) / 2.0 / scale - cy);
        if (d <= maxOffset && d < bestDistance) {
          bestDistance = d;
          best = rectangle(std::lround(r.left() / scale), std::lround(r.top() / scale),
                           std::lround((r.right() + 1) / scale) - 1,
                           std::lround((r.bottom() + 1) / scale) - 1);
        }
      }
      return bestDistance < 1e9;
    };
    rectangle box;
    int source = 0;
    if (!central(detector(img), 1.0, box)) {
      array2d<rgb_pixel> up;
      pyramid_down<2> pyr;
      pyramid_up(img, up, pyr);
      source = central(detector(up), 2.0, box) ? 1 : 2;
      if (source == 2) box = centered_rect(point(cx, cy), 0.42 * img.nc(), 0.42 * img.nr());
    }
    counts[source]++;
    full_object_detection shape = sp(img, box);
    std::vector<float> points;
    for (unsigned long i = 0; i < shape.num_parts(); ++i) {
      points.push_back(shape.part(i).x());
      points.push_back(shape.part(i).y());
    }
    put(out, p + "|landmarks", points);
    put(out, p + "|box", {float(box.left()), float(box.top()), float(box.width()),
                          float(box.height()), 1.0f});
    put(out, p + "|source", {float(source)});
  }
  std::cerr << photos.size() << " photos: " << counts[0] << " detected, " << counts[1]
            << " on the upsampled photo, " << counts[2] << " central box\n";
  return 0;
}
