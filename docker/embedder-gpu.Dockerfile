# syntax=docker/dockerfile:1.7
#
# FaceTrail embedder for NVIDIA GPUs:
#
#   docker build -f docker/embedder-gpu.Dockerfile -t facetrail-embedder-gpu \
#     --build-arg LIBTORCH_SHA256=<sha256 of the libtorch zip> .
#
# Why this image differs from the CPU one (see docs/DEPLOYMENT.md):
# - DJL 0.36's JNI (ai.djl.pytorch:pytorch-jni 2.7.1-0.36.0, on the class path) carries a CUDA 12.8
#   build that only works with libtorch 2.7.1: with a newer libtorch it loads and sees the GPU,
#   but creating tensors fails. The CUDA builds of libtorch are not on Maven Central, so the image
#   bakes in PyTorch's own libtorch 2.7.1+cu128 and points PYTORCH_LIBRARY_PATH at it.
# - PYTORCH_FLAVOR=cu128 makes DJL take the cu128 variant of its JNI library from that jar (by
#   default it would take the CPU one, which cannot drive the GPU).
# - DJL runs offline (DJL_OFFLINE, -Dai.djl.offline=true): nothing is downloaded at run time, so a
#   pod without internet access starts the same way every time.
# - The CPU native jar stays on the class path: DJL reads the PyTorch version from it, and it
#   keeps DJL from looking for a download when PYTORCH_LIBRARY_PATH is wrong (it then runs on the
#   CPU and says so in the log, instead of failing).
# - faces.device defaults to gpu; without a usable GPU the embedder falls back to the CPU and logs
#   why. On a GPU the networks run in fp16 with cuDNN autotuning.

############################################################################################
# Build: the same Maven build as docker/Dockerfile.
############################################################################################
FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package -pl app -am

############################################################################################
# libtorch 2.7.1 for CUDA 12.8 (PyTorch's C++ distribution, with its CUDA libraries).
############################################################################################
FROM ubuntu:24.04 AS libtorch
ARG LIBTORCH_URL=https://download.pytorch.org/libtorch/cu128/libtorch-cxx11-abi-shared-with-deps-2.7.1%2Bcu128.zip
# The SHA-256 of the zip as published next to it; the build refuses a file that does not match.
ARG LIBTORCH_SHA256=""
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl unzip \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL --retry 3 -o /tmp/libtorch.zip "$LIBTORCH_URL" \
    && if [ -n "$LIBTORCH_SHA256" ]; then \
         echo "$LIBTORCH_SHA256  /tmp/libtorch.zip" | sha256sum -c -; \
       else \
         echo "WARNING: LIBTORCH_SHA256 not given; libtorch is not verified" >&2; \
       fi \
    && unzip -q /tmp/libtorch.zip -d /opt \
    && rm /tmp/libtorch.zip \
    && test -f /opt/libtorch/lib/libtorch.so

############################################################################################
# Runtime: CUDA 12.8 runtime, JRE 17 (Temurin's, copied in), libtorch, a non-root user.
############################################################################################
FROM nvidia/cuda:12.8.1-runtime-ubuntu24.04 AS embedder-gpu
COPY --from=eclipse-temurin:17.0.15_6-jre-noble /opt/java/openjdk /opt/java/openjdk
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl ca-certificates \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 facetrail \
    && useradd --system --uid 10001 --gid facetrail --create-home --home-dir /home/facetrail \
       --shell /usr/sbin/nologin facetrail \
    && mkdir -p /models /var/lib/facetrail /var/cache/facetrail /etc/facetrail \
    && chown facetrail:facetrail /models /var/lib/facetrail /var/cache/facetrail
COPY --from=libtorch /opt/libtorch/lib/ /opt/libtorch/lib/
COPY --from=build /src/app/target/facetrail-app.jar /opt/facetrail/facetrail-app.jar
COPY --from=build /src/app/target/lib/ /opt/facetrail/lib/
COPY docker/entrypoint.sh /usr/local/bin/facetrail
COPY docker/config/ /etc/facetrail/
ENV JAVA_HOME=/opt/java/openjdk \
    PATH=/opt/java/openjdk/bin:$PATH \
    PYTORCH_LIBRARY_PATH=/opt/libtorch/lib \
    PYTORCH_FLAVOR=cu128 \
    DJL_OFFLINE=true \
    DJL_CACHE_DIR=/var/cache/facetrail/djl \
    FACETRAIL_CACHE_DIR=/var/cache/facetrail \
    FACETRAIL_MODELS_DIR=/models \
    FACETRAIL_FACES_DEVICE=gpu \
    FACETRAIL_HEALTH_URL=http://127.0.0.1:8082/health/ready \
    JAVA_OPTS="-XX:MaxRAMPercentage=45 -XX:+ExitOnOutOfMemoryError" \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility
USER 10001:10001
WORKDIR /home/facetrail
EXPOSE 8082
HEALTHCHECK --interval=15s --timeout=5s --start-period=300s --retries=3 \
    CMD curl -fsS "$FACETRAIL_HEALTH_URL" > /dev/null || exit 1
ENTRYPOINT ["/usr/local/bin/facetrail"]
CMD ["embedder", "--config", "/etc/facetrail/embedder.yaml"]
