package io.facetrail.shots;

import java.util.Random;

/**
 * Test views for the detector: smooth random textures ("scenes") larger than the frame, so that a
 * frame is a window onto a scene that can pan, brighten, darken or blend into another.
 */
final class SyntheticViews {
  static final int SCENE_W = 192;
  static final int SCENE_H = 108;

  private SyntheticViews() {}

  /** A smooth random texture: blobs of several sizes, values about 30..220. */
  static float[] scene(long seed) {
    Random r = new Random(seed);
    float[] s = new float[SCENE_W * SCENE_H];
    for (int blob = 0; blob < 60; blob++) {
      double cx = r.nextDouble() * SCENE_W;
      double cy = r.nextDouble() * SCENE_H;
      double radius = 3 + r.nextDouble() * 20;
      double amp = (r.nextDouble() - 0.5) * 160;
      for (int y = 0; y < SCENE_H; y++) {
        for (int x = 0; x < SCENE_W; x++) {
          double d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (radius * radius);
          s[y * SCENE_W + x] += (float) (amp * Math.exp(-d2));
        }
      }
    }
    for (int i = 0; i < s.length; i++) {
      s[i] = Math.max(0, Math.min(255, 125 + s[i]));
    }
    return s;
  }

  /** The frame-sized window of {@code scene} at offset (ox, oy), times {@code gain}, plus noise. */
  static float[] view(float[] scene, int ox, int oy, double gain, Random noise) {
    float[] f = new float[FrameSignature.WIDTH * FrameSignature.HEIGHT];
    for (int y = 0; y < FrameSignature.HEIGHT; y++) {
      for (int x = 0; x < FrameSignature.WIDTH; x++) {
        double v = scene[(y + oy) * SCENE_W + x + ox] * gain + noise.nextGaussian() * 1.5;
        f[y * FrameSignature.WIDTH + x] = (float) Math.max(0, Math.min(255, v));
      }
    }
    return f;
  }

  static float[] blend(float[] a, float[] b, double alpha) {
    float[] f = new float[a.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) ((1 - alpha) * a[i] + alpha * b[i]);
    }
    return f;
  }

  static FrameSignature at(float[] luma, int frame) {
    return FrameSignature.ofLuma(luma, frame * 40_000L);
  }
}
