package io.facetrail.evaluation.tracking.scene;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Picks people from LFW ({@code lfw-deepfunneled/<person>/<person>_NNNN.jpg}, 250x250, face
 * centred) and cuts their photos (the first one unless asked for another) into elliptical face
 * patches.
 */
public final class LfwPhotos {
  /** The crop of a 250x250 deep-funnelled image holding the face with some hair and chin. */
  private static final int CROP_X = 50;

  private static final int CROP_Y = 35;
  private static final int CROP_W = 150;
  private static final int CROP_H = 180;

  private final List<Path> people;

  private LfwPhotos(List<Path> people) {
    this.people = people;
  }

  /**
   * Lists the people of an LFW folder.
   *
   * @param lfwRoot the folder holding {@code lfw-deepfunneled/}
   * @throws IllegalArgumentException when it holds no LFW images
   */
  public static LfwPhotos at(Path lfwRoot) {
    Path images = lfwRoot.resolve("lfw-deepfunneled");
    if (!Files.isDirectory(images)) {
      throw new IllegalArgumentException(
          lfwRoot + " is not an LFW folder: it has no lfw-deepfunneled/ directory");
    }
    try (Stream<Path> dirs = Files.list(images)) {
      List<Path> people = new ArrayList<>(dirs.filter(Files::isDirectory).sorted().toList());
      if (people.isEmpty()) {
        throw new IllegalArgumentException(images + " holds no person folders");
      }
      return new LfwPhotos(people);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + images, e);
    }
  }

  /** Number of people. */
  public int size() {
    return people.size();
  }

  /** People in a random order fixed by {@code seed}, as person indexes. */
  public List<Integer> shuffled(long seed) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    return order;
  }

  /** The elliptical face patch of a person's first photo (ARGB, 150x180). */
  public BufferedImage patch(int person) {
    return patch(person, 0);
  }

  /** How many photos a person has. */
  public int photoCount(int person) {
    return photos(person).size();
  }

  /** A person's {@code index}-th photo file, in name order. */
  public Path photo(int person, int index) {
    return photos(person).get(index);
  }

  /** The elliptical face patch of a person's {@code index}-th photo (ARGB, 150x180). */
  public BufferedImage patch(int person, int index) {
    Path photo = photo(person, index);
    BufferedImage image;
    try {
      image = ImageIO.read(photo.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + photo, e);
    }
    if (image == null
        || image.getWidth() < CROP_X + CROP_W
        || image.getHeight() < CROP_Y + CROP_H) {
      throw new IllegalArgumentException(photo + " is not a 250x250 LFW image");
    }
    return ellipse(image.getSubimage(CROP_X, CROP_Y, CROP_W, CROP_H));
  }

  private List<Path> photos(int person) {
    Path dir = people.get(person);
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> photos =
          files.filter(p -> p.getFileName().toString().endsWith(".jpg")).sorted().toList();
      if (photos.isEmpty()) {
        throw new IllegalArgumentException(dir + " holds no .jpg photo");
      }
      return photos;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** The crop with alpha 1 inside an inscribed ellipse, fading to 0 over its outer 12%. */
  static BufferedImage ellipse(BufferedImage crop) {
    int w = crop.getWidth();
    int h = crop.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    g.setComposite(AlphaComposite.Src);
    g.drawImage(crop, 0, 0, null);
    g.dispose();
    double rx = w / 2.0;
    double ry = h / 2.0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double dx = (x + 0.5 - rx) / rx;
        double dy = (y + 0.5 - ry) / ry;
        double r = Math.sqrt(dx * dx + dy * dy);
        double alpha = r <= 0.88 ? 1 : Math.max(0, (1 - r) / 0.12);
        int argb = out.getRGB(x, y);
        out.setRGB(x, y, ((int) Math.round(alpha * 255) << 24) | (argb & 0xffffff));
      }
    }
    return out;
  }
}
