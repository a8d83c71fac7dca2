#!/usr/bin/env bash
# dlib's own front end on LFW (HOG detector, shape predictor, dlib's chip) with FaceTrail's
# embedding network: builds dlib-front-end-lfw.cpp against Debian's dlib, writes its landmarks as
# an evaluation cache and runs `facetrail eval lfw` on it. Not used by the build or the tests:
#
#   sudo apt-get install libdlib-dev && bash dlib-front-end-lfw.sh LFW_DIR [eval lfw options]
#
# LFW_DIR holds lfw-deepfunneled/ and pairs.txt (e.g. ../shared/datasets/lfw).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lfw="$(cd "$1" && pwd)"
shift
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
g++ -O2 -std=c++14 -o "$work/front-end" "$here/dlib-front-end-lfw.cpp" \
  -ldlib -lpthread -ljpeg -lpng -lz -l:libblas.so.3 -l:liblapack.so.3
# Only the landmarks, boxes and sources in the cache come from dlib; `eval lfw` computes the
# embeddings. The file name is the one EvalLfwCommand.cacheFile gives the eval's defaults.
repo="$here/../../../../.."
revision="$(grep -o 'CHIP_REVISION = [0-9]*' \
  "$repo/faces/src/main/java/io/facetrail/faces/align/FaceAligner.java" | grep -o '[0-9]*$')"
mkdir -p "$work/cache"
"$work/front-end" "$lfw/lfw-deepfunneled" "$lfw/pairs.txt" \
  /usr/share/dlib/shape_predictor_68_face_landmarks.dat \
  "$work/cache/dlib-r29-v1-SSD-s0.5-p0.25-m32-c0.25-r$revision.emb"
"$repo/facetrail" eval lfw --lfw-dir "$lfw" --cache-dir "$work/cache" \
  --alignments DLIB_CHIP "$@"
