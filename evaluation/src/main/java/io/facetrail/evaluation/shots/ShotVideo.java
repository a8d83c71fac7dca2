package io.facetrail.evaluation.shots;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Renders a {@link ShotPlan} into a video file (MPEG-4 Part 2 with B-frames, which the LGPL FFmpeg
 * build encodes) and says where its boundaries truly are.
 */
final class ShotVideo {
  static final int WIDTH = 640;
  static final int HEIGHT = 360;
  static final double FPS = 25;

  /**
   * A true boundary: frames {@code first..last} (inclusive) are the transition; a detection in that
   * range, one frame of slack either side, finds it.
   */
  record Truth(int first, int last, ShotPlan.Transition kind) {}

  /** The rendered file's truth, and how many frames carried a flash (none may be a boundary). */
  record Rendered(Path file, int frames, List<Truth> truth, int flashes, int pannedShots) {}

  private ShotVideo() {}

  static Rendered render(ShotPlan plan, Path file) throws Exception {
    List<Truth> truth = new ArrayList<>();
    int flashes = 0;
    int panned = 0;
    int written = 0;
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT, 0);
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.setFormat("mp4");
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(FPS);
      recorder.setGopSize(50);
      recorder.setVideoQuality(4);
      recorder.setVideoOption("bf", "2");
      recorder.start();
      List<BufferedImage> out = new ArrayList<>();
      for (int s = 0; s < plan.shots.size(); s++) {
        ShotPlan.Shot shot = plan.shots.get(s);
        flashes += shot.flashes().size();
        panned += shot.vx() != 0 ? 1 : 0;
        int body = shot.frames();
        if (s > 0) {
          ShotPlan.Shot before = plan.shots.get(s - 1);
          int first = written + out.size();
          transition(plan.transitions.get(s - 1), before, shot, out);
          truth.add(new Truth(first, written + out.size(), plan.transitions.get(s - 1)));
        }
        for (int f = 0; f < body; f++) {
          BufferedImage img = frame(shot, f);
          if (shot.flashes().contains(f)) {
            img = Pictures.gain(img, 1.9, 60); // a camera flash: everything bright, highlights clip
          }
          out.add(img);
        }
        for (BufferedImage img : out) {
          recorder.record(converter.convert(img), avutil.AV_PIX_FMT_BGR24);
        }
        written += out.size();
        out.clear();
      }
      recorder.stop();
    }
    return new Rendered(file, written, truth, flashes, panned);
  }

  /** Frames between the shots: none for a cut; the shots continue past their own length. */
  private static void transition(
      ShotPlan.Transition kind, ShotPlan.Shot a, ShotPlan.Shot b, List<BufferedImage> out) {
    int end = a.frames();
    switch (kind) {
      case CUT -> {
        // the next shot's first frame is the boundary
      }
      case FADE -> {
        for (int i = 1; i <= 10; i++) {
          out.add(Pictures.gain(frame(a, end + i), 1 - i / 10.0, 0));
        }
        out.add(Pictures.gain(frame(a, end + 10), 0, 0));
        for (int i = 0; i < 10; i++) {
          out.add(Pictures.gain(frame(b, -10 + i), i / 10.0, 0));
        }
      }
      case DISSOLVE -> {
        for (int i = 1; i <= 15; i++) {
          out.add(Pictures.blend(frame(a, end + i), frame(b, -15 + i), i / 16.0));
        }
      }
      case WHIP -> {
        // The camera swings away: each frame a smear of ever further crops of the old view.
        for (int i = 1; i <= 3; i++) {
          BufferedImage smear = null;
          for (int k = 0; k < 4; k++) {
            ShotPlan.Shot moved =
                new ShotPlan.Shot(
                    a.source(),
                    a.start(),
                    a.frames(),
                    a.cx() + (0.08 * i + 0.02 * k) * (a.cx() < 0.5 ? 1 : -1),
                    a.cy(),
                    a.width(),
                    a.vx(),
                    a.vy(),
                    a.gain(),
                    a.flashes());
            BufferedImage f = frame(moved, end + i);
            smear = smear == null ? f : Pictures.blend(smear, f, 1.0 / (k + 1));
          }
          out.add(smear);
        }
      }
    }
  }

  /** Frame {@code f} of a shot (negative: before its first, as a dissolve or fade-in needs). */
  private static BufferedImage frame(ShotPlan.Shot s, int f) {
    BufferedImage src = s.source().picture(s.start(), f);
    double w = s.width() * src.getWidth();
    double h = w * HEIGHT / WIDTH;
    h = Math.min(h, src.getHeight());
    w = h * WIDTH / HEIGHT;
    double cx = clamp(s.cx() + s.vx() * f, w / 2 / src.getWidth(), 1 - w / 2 / src.getWidth());
    double cy = clamp(s.cy(), h / 2 / src.getHeight(), 1 - h / 2 / src.getHeight());
    BufferedImage img =
        Pictures.crop(
            src, cx * src.getWidth() - w / 2, cy * src.getHeight() - h / 2, w, h, WIDTH, HEIGHT);
    return s.gain() == 1.0 ? img : Pictures.gain(img, s.gain(), 0);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
