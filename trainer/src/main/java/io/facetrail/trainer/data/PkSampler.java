package io.facetrail.trainer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws FaceNet-style batches: P distinct identities, K faces each. A person with fewer than K
 * photos contributes all of them and repeats are drawn (with replacement) to fill K; each face also
 * gets a random variant (augmentation), so repeats rarely look the same. Only people with at least
 * two photos are drawn: a triplet needs two distinct photos of its anchor's person.
 */
public final class PkSampler {
  /** One face of a batch. */
  public record Face(String photo, int variant, int label) {}

  private final List<List<String>> people;
  private final int p;
  private final int k;
  private final int variants;

  /**
   * @param photosByPerson every usable photo of each training identity
   * @param p identities per batch
   * @param k faces per identity
   * @param variants variants available per photo (0..variants-1)
   */
  public PkSampler(Map<String, List<String>> photosByPerson, int p, int k, int variants) {
    this.people = new ArrayList<>();
    for (List<String> photos : photosByPerson.values()) {
      if (photos.size() >= 2) {
        people.add(List.copyOf(photos));
      }
    }
    if (p < 2 || k < 2) {
      throw new IllegalArgumentException("P and K must be at least 2, are " + p + " and " + k);
    }
    if (people.size() < p) {
      throw new IllegalArgumentException(
          "only " + people.size() + " identities have two photos or more; P is " + p);
    }
    if (variants < 1) {
      throw new IllegalArgumentException("variants must be at least 1, is " + variants);
    }
    this.p = p;
    this.k = k;
    this.variants = variants;
  }

  /** The number of identities batches are drawn from. */
  public int identityCount() {
    return people.size();
  }

  /** One batch of P x K faces; labels are 0..P-1. */
  public List<Face> batch(SplittableRandom random) {
    List<Face> out = new ArrayList<>(p * k);
    int[] chosen = distinct(random, people.size(), p);
    for (int label = 0; label < p; label++) {
      List<String> photos = people.get(chosen[label]);
      int distinct = Math.min(k, photos.size());
      int[] picks = distinct(random, photos.size(), distinct);
      for (int i = 0; i < k; i++) {
        int photo = i < distinct ? picks[i] : random.nextInt(photos.size());
        out.add(new Face(photos.get(photo), random.nextInt(variants), label));
      }
    }
    return out;
  }

  /** {@code count} distinct values of 0..n-1 (a partial Fisher-Yates shuffle). */
  static int[] distinct(SplittableRandom random, int n, int count) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return java.util.Arrays.copyOf(all, count);
  }
}
