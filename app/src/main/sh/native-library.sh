# native-library.sh: which PyTorch native library the facetrail launcher puts in front of DJL.
# Sourced by ./facetrail (and by LauncherNativeSelectionTest); defines one function and no state.
#
# FACETRAIL_NATIVE chooses:
#   cpu    PyTorch's CPU build from the pytorch-native-cpu jar in the launcher's lib folder (the
#          default when PYTORCH_LIBRARY_PATH is unset).
#   cuda   libtorch 2.7.1 for CUDA 12.8 (DJL flavour cu128): from PYTORCH_LIBRARY_PATH when set,
#          else from DJL's cache (ENGINE_CACHE_DIR, DJL_CACHE_DIR or ~/.djl.ai, under pytorch/),
#          which FACETRAIL_NATIVE_DOWNLOAD=true fills once from DJL's site.
#   local  the libtorch in PYTORCH_LIBRARY_PATH, CPU or CUDA build (the default when that variable
#          is set).
# For cuda and local the CPU jar is left off the class path: with it there, a libtorch that cannot
# be loaded would silently be replaced by the CPU build.
#
# Why only cu128 and only 2.7.1: DJL 0.36's JNI (the pytorch-jni jar on the class path) carries
# native builds for the flavours cpu and cu128 of linux-x86_64 only, and works with libtorch 2.7.1
# only (a newer libtorch loads and sees the GPU, then fails creating tensors; see docs/STACK.md).

# facetrail_native_select LIB_DIR
# On success sets native_classpath (the jars of LIB_DIR to use, colon-separated), native_choice
# (one line saying which library and why, for the device line every run prints), exports or unsets
# PYTORCH_FLAVOR, PYTORCH_LIBRARY_PATH and DJL_OFFLINE as DJL must see them, and returns 0. On a
# choice that cannot work, prints why on standard error and returns 1.
facetrail_native_select() {
  local lib="$1"
  local choice="${FACETRAIL_NATIVE:-}" why
  local supported_version="2.7.1" supported_flavor="cu128"
  if [[ -n "$choice" ]]; then
    why="FACETRAIL_NATIVE=$choice"
  elif [[ -n "${PYTORCH_LIBRARY_PATH:-}" ]]; then
    choice=local why="PYTORCH_LIBRARY_PATH is set"
  else
    choice=cpu why="the default"
  fi

  if [[ -n "${PYTORCH_VERSION:-}" && "${PYTORCH_VERSION}" != "$supported_version"* ]]; then
    echo "facetrail: PYTORCH_VERSION=$PYTORCH_VERSION: FaceTrail's DJL runs libtorch $supported_version only; unset PYTORCH_VERSION" >&2
    return 1
  fi

  local cpu_jars=("$lib"/pytorch-native-cpu-*.jar)
  local jar jars=()
  for jar in "$lib"/*.jar; do
    [[ "$choice" != cpu && "$(basename "$jar")" == pytorch-native-cpu-* ]] && continue
    jars+=("$jar")
  done

  case "$choice" in
    cpu)
      if [[ ! -f "${cpu_jars[0]}" ]]; then
        echo "facetrail: no pytorch-native-cpu jar in $lib: rebuild (./mvnw install -pl app -am -DskipTests)" >&2
        return 1
      fi
      # DJL prefers PYTORCH_LIBRARY_PATH over the jar: drop it so that cpu means the jar.
      unset PYTORCH_LIBRARY_PATH PYTORCH_FLAVOR
      native_choice="cpu: PyTorch's CPU build from $(basename "${cpu_jars[0]}") ($why)"
      ;;
    cuda)
      if [[ -n "${PYTORCH_FLAVOR:-}" && "$PYTORCH_FLAVOR" != "$supported_flavor" ]]; then
        echo "facetrail: PYTORCH_FLAVOR=$PYTORCH_FLAVOR: DJL's JNI has a CUDA build for $supported_flavor only (libtorch $supported_version+$supported_flavor)" >&2
        return 1
      fi
      export PYTORCH_FLAVOR="$supported_flavor"
      if [[ -n "${PYTORCH_LIBRARY_PATH:-}" ]]; then
        facetrail_native_check_libtorch "$supported_version" || return 1
        if [[ ! -f "$PYTORCH_LIBRARY_PATH/libtorch_cuda.so" ]]; then
          echo "facetrail: FACETRAIL_NATIVE=cuda, but $PYTORCH_LIBRARY_PATH holds a CPU build of libtorch (no libtorch_cuda.so)" >&2
          return 1
        fi
        native_choice="cuda: libtorch from PYTORCH_LIBRARY_PATH=$PYTORCH_LIBRARY_PATH ($why)"
      else
        local cache="${ENGINE_CACHE_DIR:-${DJL_CACHE_DIR:-$HOME/.djl.ai}}/pytorch"
        local dir="$cache/$supported_version-$supported_flavor-linux-x86_64"
        if [[ -f "$dir/libtorch.so" ]]; then
          native_choice="cuda: libtorch $supported_version+$supported_flavor from DJL's cache $dir ($why)"
        elif [[ "${FACETRAIL_NATIVE_DOWNLOAD:-}" == true ]]; then
          # DJL_OFFLINE wins over -Dai.djl.offline=true: this one run may download into the cache.
          export DJL_OFFLINE=false
          native_choice="cuda: libtorch $supported_version+$supported_flavor downloaded by DJL into $dir ($why, FACETRAIL_NATIVE_DOWNLOAD=true)"
        else
          echo "facetrail: FACETRAIL_NATIVE=cuda, but DJL's cache has no libtorch $supported_version+$supported_flavor ($dir/libtorch.so)." >&2
          echo "facetrail: fetch it once with network access: FACETRAIL_NATIVE=cuda FACETRAIL_NATIVE_DOWNLOAD=true ./facetrail device" >&2
          echo "facetrail: or point PYTORCH_LIBRARY_PATH at the lib folder of PyTorch's libtorch-cxx11-abi-shared-with-deps-$supported_version+$supported_flavor" >&2
          return 1
        fi
      fi
      ;;
    local)
      if [[ -z "${PYTORCH_LIBRARY_PATH:-}" ]]; then
        echo "facetrail: FACETRAIL_NATIVE=local needs PYTORCH_LIBRARY_PATH (the folder holding libtorch.so)" >&2
        return 1
      fi
      facetrail_native_check_libtorch "$supported_version" || return 1
      local build=cpu
      [[ -f "$PYTORCH_LIBRARY_PATH/libtorch_cuda.so" ]] && build="$supported_flavor"
      if [[ -n "${PYTORCH_FLAVOR:-}" && "$PYTORCH_FLAVOR" != "$build" ]]; then
        echo "facetrail: PYTORCH_FLAVOR=$PYTORCH_FLAVOR does not match the $build build of libtorch in $PYTORCH_LIBRARY_PATH; unset it" >&2
        return 1
      fi
      # DJL would otherwise name the flavour after the CUDA version the driver reports, and find no
      # JNI build of that name.
      export PYTORCH_FLAVOR="$build"
      native_choice="local: the $build build of libtorch in PYTORCH_LIBRARY_PATH=$PYTORCH_LIBRARY_PATH ($why)"
      ;;
    *)
      echo "facetrail: FACETRAIL_NATIVE=$choice is not one of cpu, cuda, local" >&2
      return 1
      ;;
  esac
  native_classpath="$(IFS=:; echo "${jars[*]}")"
  return 0
}

# facetrail_native_check_libtorch VERSION: PYTORCH_LIBRARY_PATH holds libtorch.so, and, when the
# libtorch distribution's build-version file is beside it, that version.
facetrail_native_check_libtorch() {
  if [[ ! -f "$PYTORCH_LIBRARY_PATH/libtorch.so" ]]; then
    echo "facetrail: PYTORCH_LIBRARY_PATH=$PYTORCH_LIBRARY_PATH holds no libtorch.so" >&2
    return 1
  fi
  local stamp="$PYTORCH_LIBRARY_PATH/../build-version"
  if [[ -f "$stamp" && "$(head -c 64 "$stamp")" != "$1"* ]]; then
    echo "facetrail: $PYTORCH_LIBRARY_PATH is libtorch $(head -c 64 "$stamp"), but FaceTrail's DJL runs libtorch $1 only" >&2
    return 1
  fi
}
