package io.facetrail.evaluation.tracking.scene;

import io.facetrail.evaluation.tracking.metrics.FrameTruth;
import io.facetrail.evaluation.tracking.metrics.LabelledBox;
import io.facetrail.tracker.box.BoundingBox;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws a scenario's frames and computes their ground truth. A face counts as visible from the
 * share of its box inside the frame and not covered by the patches of people in front; below {@link
 * #MIN_VISIBLE} it is "don't care": no tracker is expected to see it, none is punished for seeing
 * it.
 */
public final class SceneRenderer {
  /** Visible share of a face box below which the face is not expected to be detected. */
  public static final double MIN_VISIBLE = 0.5;

  private static final int SAMPLES = 12;

  private final Scenario scenario;
  private final List<FacePhoto> photos;
  private final Map<Integer, BufferedImage> backgrounds = new HashMap<>();

  /**
   * @param photos the scenario's photos, indexed as its actors' {@code photo}
   */
  public SceneRenderer(Scenario scenario, List<FacePhoto> photos) {
    if (photos.size() < scenario.photos()) {
      throw new IllegalArgumentException(
          scenario.name() + " needs " + scenario.photos() + " photos, got " + photos.size());
    }
    this.scenario = scenario;
    this.photos = List.copyOf(photos);
  }

  /** A frame: the image and its ground truth. */
  public record Frame(double time, BufferedImage image, FrameTruth truth) {}

  public Frame frame(int index) {
    double time = scenario.frameTimes().get(index);
    List<Placed> placed = placed(time);
    BufferedImage image =
        new BufferedImage(scenario.width(), scenario.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    int shot = scenario.shotAt(time);
    g.drawImage(
        backgrounds.computeIfAbsent(
            shot,
            k -> background(scenario.width(), scenario.height(), scenario.backgroundSeed() + k)),
        0,
        0,
        null);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    for (Placed p : placed) {
      g.drawImage(
          photos.get(p.actor.photo()).patch(),
          (int) Math.round(p.left),
          (int) Math.round(p.top),
          (int) Math.round(p.width),
          (int) Math.round(p.height),
          null);
    }
    g.dispose();
    return new Frame(time, image, truth(placed));
  }

  private FrameTruth truth(List<Placed> placed) {
    List<LabelledBox> objects = new ArrayList<>();
    List<BoundingBox> ignored = new ArrayList<>();
    for (int i = 0; i < placed.size(); i++) {
      Placed p = placed.get(i);
      BoundingBox face = photos.get(p.actor.photo()).faceBox(p.left, p.top, p.height);
      double visible = visibleShare(face, placed.subList(i + 1, placed.size()));
      if (visible <= 0) {
        continue;
      }
      if (visible >= MIN_VISIBLE) {
        objects.add(new LabelledBox(p.actor.id(), face));
      } else {
        ignored.add(face);
      }
    }
    return new FrameTruth(objects, ignored);
  }

  /** Share of sample points of the box inside the frame and outside every patch in front. */
  private double visibleShare(BoundingBox box, List<Placed> inFront) {
    int visible = 0;
    for (int sy = 0; sy < SAMPLES; sy++) {
      for (int sx = 0; sx < SAMPLES; sx++) {
        double x = box.x() + (sx + 0.5) * box.width() / SAMPLES;
        double y = box.y() + (sy + 0.5) * box.height() / SAMPLES;
        if (x < 0 || y < 0 || x >= scenario.width() || y >= scenario.height()) {
          continue;
        }
        boolean covered = false;
        for (Placed p : inFront) {
          double dx = (x - (p.left + p.width / 2)) / (p.width / 2);
          double dy = (y - (p.top + p.height / 2)) / (p.height / 2);
          if (dx * dx + dy * dy < 1) {
            covered = true;
            break;
          }
        }
        if (!covered) {
          visible++;
        }
      }
    }
    return visible / (double) (SAMPLES * SAMPLES);
  }

  /** The actors in the scene at {@code time}, back to front. */
  private List<Placed> placed(double time) {
    List<Placed> out = new ArrayList<>();
    for (Actor a : scenario.actors()) {
      a.at(time)
          .ifPresent(
              k -> {
                double w = k.height() * FacePhoto.ASPECT;
                out.add(new Placed(a, k.cx() - w / 2, k.cy() - k.height() / 2, w, k.height()));
              });
    }
    out.sort(
        Comparator.comparingInt((Placed p) -> p.actor.depth()).thenComparing(p -> p.actor.id()));
    return out;
  }

  private record Placed(Actor actor, double left, double top, double width, double height) {}

  /** A street-like backdrop: a sky-to-ground gradient with boxes for walls and windows. */
  static BufferedImage background(int width, int height, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, muted(random, 150), 0, height, muted(random, 70)));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 40; i++) {
      g.setColor(muted(random, 60 + random.nextInt(120)));
      int w = 30 + random.nextInt(200);
      int h = 30 + random.nextInt(250);
      g.fillRect(random.nextInt(width), random.nextInt(height), w, h);
    }
    g.dispose();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = image.getRGB(x, y);
        int n = (int) Math.round(random.nextGaussian() * 4);
        int r = clamp(((rgb >> 16) & 0xff) + n);
        int gr = clamp(((rgb >> 8) & 0xff) + n);
        int b = clamp((rgb & 0xff) + n);
        image.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
    return image;
  }

  private static Color muted(Random random, int level) {
    return new Color(
        clamp(level + random.nextInt(40) - 20),
        clamp(level + random.nextInt(40) - 20),
        clamp(level + random.nextInt(40) - 20));
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  /** The scenario rendered. */
  public Scenario scenario() {
    return scenario;
  }

  /** Number of frames. */
  public int frames() {
    return scenario.frameTimes().size();
  }
}
