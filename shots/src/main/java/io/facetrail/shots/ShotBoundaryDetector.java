package io.facetrail.shots;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds shot boundaries in one stream's decoded frames, fed in order. Not thread-safe: one per
 * stream.
 *
 * <ul>
 *   <li><b>Cuts</b>: a frame unlike the one before it (at the best global shift, so a pan is no
 *       cut) by more than the shot's own usual change (median + k spreads, between a floor and a
 *       ceiling). The decision waits {@code lookahead} frames: a flash or a one-frame glitch comes
 *       back to the view before it and is dropped; a cut stays away.
 *   <li><b>Fades</b>: blank frames (a uniform grey or black) between two views; the first frame
 *       with content after them starts the new shot.
 *   <li><b>Dissolves</b>: each frame is also compared with the frame one window earlier (following
 *       the camera's accumulated shift, so a slow pan stays one view); a dissolve makes that
 *       comparison rise well above the shot's usual level.
 * </ul>
 *
 * Frames are numbered from 0 in the order given. A boundary found later is always at a frame after
 * {@link #decidedThrough()}, so a frame at or before it can be released with its shot.
 */
public final class ShotBoundaryDetector {
  /** Consecutive frames whose span must be above the threshold before a dissolve is called. */
  private static final int GRADUAL_FRAMES = 3;

  private final ShotSettings settings;
  private final SignatureComparator comparator;
  private final long windowUs;
  private final long minShotUs;
  private final RunningSpread steps = new RunningSpread();
  private final RunningSpread spans = new RunningSpread();
  private final ArrayDeque<Past> window = new ArrayDeque<>();
  private long next;
  private FrameSignature previous;
  private FrameSignature beforeBlank;
  private int blankFrames;
  private Candidate candidate;
  private long shotStartUs = Long.MIN_VALUE / 2;
  private int shiftX;
  private int spanAbove;
  private int shiftY;

  public ShotBoundaryDetector(ShotSettings settings) {
    this.settings = settings;
    this.comparator = new SignatureComparator(settings.maxShiftX(), settings.maxShiftY());
    this.windowUs = settings.gradualWindow().toNanos() / 1000;
    this.minShotUs = settings.minShot().toNanos() / 1000;
  }

  /** A frame seen within the dissolve window, with the camera's shift accumulated up to it. */
  private record Past(FrameSignature signature, int x, int y) {}

  /** A frame unlike the one before it, waiting for the lookahead to say cut or flash. */
  private static final class Candidate {
    final long index;
    final FrameSignature before;
    final FrameSignature at;
    final double score;
    final double threshold;
    int after;

    Candidate(long index, FrameSignature before, FrameSignature at, double score, double thr) {
      this.index = index;
      this.before = before;
      this.at = at;
      this.score = score;
      this.threshold = thr;
    }
  }

  /** Frames given so far. */
  public long frames() {
    return next;
  }

  /**
   * The index of the last frame whose shot is final (-1 before any): every frame unless a candidate
   * cut is waiting for its lookahead.
   */
  public long decidedThrough() {
    return candidate != null ? candidate.index - 1 : next - 1;
  }

  /**
   * Takes the next decoded frame.
   *
   * @return the boundaries this frame confirmed (usually none; a confirmed cut may lie a few frames
   *     back, within the lookahead)
   */
  public List<ShotBoundary> push(FrameSignature frame) {
    long index = next++;
    List<ShotBoundary> found = new ArrayList<>(1);
    if (frame.std() < settings.blankStd()) {
      if (blankFrames++ == 0) {
        // A cut straight into black and a fade-in from it is one transition: decided when content
        // comes back, so a pending candidate is dropped here.
        beforeBlank = candidate != null ? candidate.before : previous;
        candidate = null;
      }
      return found;
    }
    if (blankFrames > 0) {
      afterBlank(index, frame, found);
      return found;
    }
    if (previous == null) {
      startShot(frame);
      return found;
    }
    if (candidate != null) {
      resolve(frame, found);
      previous = frame;
      return found;
    }
    Comparison step = comparator.compare(previous, frame);
    double cutThreshold =
        steps.threshold(settings.cutFloor(), settings.cutSpread(), settings.cutCeiling());
    if (step.dissimilarity() >= cutThreshold) {
      candidate = new Candidate(index, previous, frame, step.dissimilarity(), cutThreshold);
      previous = frame;
      if (settings.lookahead() == 0) {
        confirm(frame, found);
      }
      return found;
    }
    steps.add(step.dissimilarity());
    shiftX += step.shiftX();
    shiftY += step.shiftY();
    previous = frame;
    dissolve(index, frame, found);
    return found;
  }

  /** The stream ended: a waiting candidate is confirmed with what was seen after it. */
  public List<ShotBoundary> finish() {
    List<ShotBoundary> found = new ArrayList<>(1);
    if (candidate != null) {
      confirm(previous, found);
    }
    return found;
  }

  private void afterBlank(long index, FrameSignature frame, List<ShotBoundary> found) {
    int blanks = blankFrames;
    blankFrames = 0;
    FrameSignature before = beforeBlank;
    beforeBlank = null;
    if (before != null) {
      double score = comparator.compare(before, frame).dissimilarity();
      // A blackout no longer than a flash, with the same view on both sides, is a glitch; anything
      // longer, or another view, is a fade.
      if (blanks > settings.lookahead() || score >= settings.cutFloor()) {
        found.add(new ShotBoundary(index, frame.timeUs(), ShotBoundary.Kind.GRADUAL, score));
        shotStartUs = frame.timeUs();
      }
    }
    startShot(frame);
  }

  private void resolve(FrameSignature frame, List<ShotBoundary> found) {
    Comparison back = comparator.compare(candidate.before, frame);
    if (back.dissimilarity() < candidate.threshold) {
      // The view came back: a flash, a glitch or a hand across the lens, not a cut. The frames in
      // between stay out of the shot's statistics.
      candidate = null;
      return;
    }
    if (++candidate.after >= settings.lookahead()) {
      confirm(frame, found);
    }
  }

  private void confirm(FrameSignature latest, List<ShotBoundary> found) {
    found.add(
        new ShotBoundary(
            candidate.index, candidate.at.timeUs(), ShotBoundary.Kind.CUT, candidate.score));
    shotStartUs = candidate.at.timeUs();
    candidate = null;
    startShot(latest);
  }

  private void dissolve(long index, FrameSignature frame, List<ShotBoundary> found) {
    window.addLast(new Past(frame, shiftX, shiftY));
    // Keep the newest frame at least a window old as the oldest: drop the oldest while the next
    // one is old enough too.
    while (window.size() > 2) {
      Past oldest = window.removeFirst();
      if (frame.timeUs() - window.peekFirst().signature().timeUs() < windowUs) {
        window.addFirst(oldest);
        break;
      }
    }
    Past far = window.peekFirst();
    if (far.signature() == frame
        || frame.timeUs() - far.signature().timeUs() < windowUs
        || frame.timeUs() - shotStartUs < minShotUs) {
      return;
    }
    int dx = shiftX - far.x();
    int dy = shiftY - far.y();
    if (Math.abs(dx) > FrameSignature.WIDTH / 2 || Math.abs(dy) > FrameSignature.HEIGHT / 2) {
      return; // the camera moved on: too little of the old view is left to compare
    }
    double span = comparator.compare(far.signature(), frame, dx, dy).dissimilarity();
    double threshold =
        spans.threshold(
            settings.gradualFloor(), settings.gradualSpread(), settings.gradualCeiling());
    boolean above = spans.size() >= RunningSpread.MIN_VALUES && span >= threshold;
    // A frame or two above is an outlier (a shift that fell between cells, a passer-by close to
    // the lens); a dissolve keeps the span up for as long as it lasts.
    spanAbove = above ? spanAbove + 1 : 0;
    if (spanAbove >= GRADUAL_FRAMES) {
      found.add(new ShotBoundary(index, frame.timeUs(), ShotBoundary.Kind.GRADUAL, span));
      shotStartUs = frame.timeUs();
      startShot(frame);
      return;
    }
    if (!above) {
      spans.add(span); // the shot's usual level: a rising candidate is no part of it
    }
  }

  /** Forgets the previous shot: its statistics say nothing about the new one. */
  private void startShot(FrameSignature first) {
    steps.clear();
    spans.clear();
    window.clear();
    shiftX = 0;
    shiftY = 0;
    spanAbove = 0;
    previous = first;
    window.addLast(new Past(first, 0, 0));
  }
}
