#!/usr/bin/env bash
# Builds and runs generate-dlib-fixture.cpp against Debian's dlib (libdlib-dev 19.24+dfsg-1, which
# also brings libdlib-data's shape_predictor_68_face_landmarks.dat). Run once when the fixture must
# change, never from tests or CI:
#
#   sudo apt-get install libdlib-dev && bash generate-dlib-fixture.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
resources="$here/../../resources/parity"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Debian's dlib-1.pc names libblas.so/liblapack.so, which only the -dev packages provide.
g++ -O2 -std=c++14 -o "$work/generate" "$here/generate-dlib-fixture.cpp" \
  -ldlib -lpthread -ljpeg -lpng -lz -l:libblas.so.3 -l:liblapack.so.3
"$work/generate" "$resources/astronaut-256.png" \
  /usr/share/dlib/shape_predictor_68_face_landmarks.dat "$resources"
# The path of the portrait is machine-specific: keep only its name.
sed -i "s#\"image\": \"[^\"]*/#\"image\": \"#" "$resources/dlib-reference.json"
