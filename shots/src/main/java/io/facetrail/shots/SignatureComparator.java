package io.facetrail.shots;

/**
 * Compares two signatures by normalised cross-correlation over a search of global shifts: coarse
 * (half-resolution grid) over the whole range, then fine around the best coarse shift. Taking the
 * best shift out is what tells a pan (the same view, moved) from a cut (another view); normalising
 * is what makes a flash or a fade (the same view, brighter or darker) look alike.
 */
final class SignatureComparator {
  /** The overlap must keep at least this share of the grid for a correlation to count. */
  private static final double MIN_OVERLAP = 0.5;

  private final int coarseRangeX;
  private final int coarseRangeY;

  /**
   * @param maxShiftX largest global shift searched, fine cells (of {@link FrameSignature#WIDTH})
   * @param maxShiftY largest global shift searched, fine cells (of {@link FrameSignature#HEIGHT})
   */
  SignatureComparator(int maxShiftX, int maxShiftY) {
    this.coarseRangeX = Math.max(0, maxShiftX / 2);
    this.coarseRangeY = Math.max(0, maxShiftY / 2);
  }

  /** Compares {@code a} with {@code b} shifted around 0. */
  Comparison compare(FrameSignature a, FrameSignature b) {
    return compare(a, b, 0, 0);
  }

  /**
   * Compares {@code a} with {@code b}, searching shifts around ({@code centreX}, {@code centreY})
   * fine cells: the accumulated motion when comparing frames far apart in a pan.
   */
  Comparison compare(FrameSignature a, FrameSignature b, int centreX, int centreY) {
    int cw = FrameSignature.WIDTH / 2;
    int ch = FrameSignature.HEIGHT / 2;
    int ccx = Math.round(centreX / 2f);
    int ccy = Math.round(centreY / 2f);
    double best = -2;
    int bestX = ccx;
    int bestY = ccy;
    for (int dy = ccy - coarseRangeY; dy <= ccy + coarseRangeY; dy++) {
      for (int dx = ccx - coarseRangeX; dx <= ccx + coarseRangeX; dx++) {
        double r = correlation(a.coarse(), b.coarse(), cw, ch, dx, dy);
        if (r > best) {
          best = r;
          bestX = dx;
          bestY = dy;
        }
      }
    }
    double fineBest = -2;
    int fx = 2 * bestX;
    int fy = 2 * bestY;
    int w = FrameSignature.WIDTH;
    int h = FrameSignature.HEIGHT;
    for (int dy = 2 * bestY - 1; dy <= 2 * bestY + 1; dy++) {
      for (int dx = 2 * bestX - 1; dx <= 2 * bestX + 1; dx++) {
        double r = correlation(a.fine(), b.fine(), w, h, dx, dy);
        if (r > fineBest) {
          fineBest = r;
          fx = dx;
          fy = dy;
        }
      }
    }
    double dissimilarity = fineBest < -1 ? 1 : Math.min(1, Math.max(0, 1 - fineBest));
    return new Comparison(dissimilarity, fx, fy);
  }

  /**
   * Pearson correlation of {@code a(x, y)} with {@code b(x + dx, y + dy)} over their overlap; -2
   * when the overlap is too small or either side is flat there.
   */
  private static double correlation(float[] a, float[] b, int w, int h, int dx, int dy) {
    int x0 = Math.max(0, -dx);
    int x1 = Math.min(w, w - dx);
    int y0 = Math.max(0, -dy);
    int y1 = Math.min(h, h - dy);
    int n = (x1 - x0) * (y1 - y0);
    if (x1 <= x0 || y1 <= y0 || n < MIN_OVERLAP * w * h) {
      return -2;
    }
    double sa = 0;
    double sb = 0;
    double saa = 0;
    double sbb = 0;
    double sab = 0;
    for (int y = y0; y < y1; y++) {
      int ia = y * w;
      int ib = (y + dy) * w + dx;
      for (int x = x0; x < x1; x++) {
        double va = a[ia + x];
        double vb = b[ib + x];
        sa += va;
        sb += vb;
        saa += va * va;
        sbb += vb * vb;
        sab += va * vb;
      }
    }
    double cov = sab - sa * sb / n;
    double va = saa - sa * sa / n;
    double vb = sbb - sb * sb / n;
    // A region flatter than ~1 grey level carries no structure to correlate.
    if (va < n || vb < n) {
      return -2;
    }
    return cov / Math.sqrt(va * vb);
  }
}
