#!/bin/sh
# Container entry point of every FaceTrail image: the `facetrail` command line with the JVM flags of
# the repository's ./facetrail launcher. The image's CMD (or the container's arguments) names the
# service: `ingest --config FILE`, `embedder ...`, `gallery list ...`, `models fetch ...`.
#
# JAVA_OPTS adds JVM options (each image sets a heap share of the container's memory limit).
set -eu

# Keep PyTorch's freed tensor memory in the process instead of returning it to the kernel after
# every network pass (see the repository's ./facetrail launcher for the measurement).
MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}"
MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-2147483648}"
MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-268435456}"
export MALLOC_MMAP_THRESHOLD_ MALLOC_TRIM_THRESHOLD_ MALLOC_TOP_PAD_
# Idle OpenMP threads sleep instead of spinning on cores the rest of the process needs.
OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
export OMP_WAIT_POLICY

# The gallery's fast search runs on the Vector API when this runtime has the module (as the
# ./facetrail launcher does, with the API's per-access checks off: the search checks its own
# ranges, see matcher/README.md); without it the scalar pass gives the same results, slower.
vector_flags=""
if java --list-modules 2>/dev/null | grep -q '^jdk.incubator.vector@'; then
  vector_flags="--add-modules jdk.incubator.vector -Djdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0"
fi

# DJL never goes online at run time: the native libraries come from the image (CPU jar, or the
# libtorch that PYTORCH_LIBRARY_PATH names in the GPU image). Native libraries unpack under the
# writable cache folder, so the root file system can stay read-only.
# What every run's device line says about the native library (the ./facetrail launcher chooses it
# with FACETRAIL_NATIVE; an image has the one it was built with).
if [ -n "${PYTORCH_LIBRARY_PATH:-}" ]; then
  native_choice="${PYTORCH_FLAVOR:-cpu}: libtorch of the image from PYTORCH_LIBRARY_PATH=$PYTORCH_LIBRARY_PATH"
else
  native_choice="cpu: PyTorch's CPU build bundled in the image"
fi

# shellcheck disable=SC2086 # JAVA_OPTS and vector_flags hold several options
exec java ${JAVA_OPTS:-} $vector_flags \
  -Dai.djl.offline=true \
  "-Dfacetrail.native=$native_choice" \
  -Dai.djl.pytorch.num_interop_threads=1 \
  -Dorg.bytedeco.javacpp.cachedir="${FACETRAIL_CACHE_DIR:-/var/cache/facetrail}/javacpp" \
  -Djava.io.tmpdir="${FACETRAIL_TMP_DIR:-/tmp}" \
  -cp "/opt/facetrail/facetrail-app.jar:/opt/facetrail/lib/*" \
  io.facetrail.app.FacetrailCli "$@"
