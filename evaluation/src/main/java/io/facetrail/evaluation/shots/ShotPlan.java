package io.facetrail.evaluation.shots;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The script of one generated sequence: shots (which real pictures, which crop, pan, light,
 * flashes) and the transitions between them, drawn from a seed so a sequence can be made again.
 */
final class ShotPlan {
  /** How one shot hands over to the next. */
  enum Transition {
    CUT,
    FADE,
    DISSOLVE,
    WHIP
  }

  /**
   * One shot: a crop of {@code width} (fraction of the source's width) centred at (cx, cy), moving
   * by (vx, vy) per frame; {@code gain} below 1 is dim light; flashes at the frames listed.
   */
  record Shot(
      ViewSource source,
      int start,
      int frames,
      double cx,
      double cy,
      double width,
      double vx,
      double vy,
      double gain,
      Set<Integer> flashes) {}

  final List<Shot> shots;
  final List<Transition> transitions;

  private ShotPlan(List<Shot> shots, List<Transition> transitions) {
    this.shots = shots;
    this.transitions = transitions;
  }

  /**
   * @param sources the pictures to cut shots from (the first is the real clip)
   * @param effects false for the plain assembled clip: hard cuts only, no flashes, no pans
   */
  static ShotPlan draw(List<ViewSource> sources, int shotCount, long seed, boolean effects) {
    Random r = new Random(seed);
    List<Shot> shots = new ArrayList<>();
    List<Transition> transitions = new ArrayList<>();
    Shot previous = null;
    for (int i = 0; i < shotCount; i++) {
      Shot s = shot(r, sources, previous, effects);
      shots.add(s);
      previous = s;
      if (i > 0) {
        transitions.add(effects ? transition(r) : Transition.CUT);
      }
    }
    return new ShotPlan(shots, transitions);
  }

  private static Transition transition(Random r) {
    double u = r.nextDouble();
    return u < 0.5
        ? Transition.CUT
        : u < 0.7 ? Transition.FADE : u < 0.9 ? Transition.DISSOLVE : Transition.WHIP;
  }

  /** A shot that shows another view than {@code previous}: another source, place or scale. */
  private static Shot shot(Random r, List<ViewSource> sources, Shot previous, boolean effects) {
    while (true) {
      ViewSource source = sources.get(r.nextInt(sources.size()));
      double width = 0.3 + r.nextDouble() * 0.5;
      double cx = width / 2 + r.nextDouble() * (1 - width);
      double cy = 0.3 + r.nextDouble() * 0.4;
      if (previous != null
          && previous.source() == source
          && Math.abs(previous.cx() - cx) < 0.3
          && Math.max(previous.width(), width) / Math.min(previous.width(), width) < 1.8) {
        continue; // too like the last view: an editor would not cut there either
      }
      int frames = 30 + r.nextInt(60);
      boolean pan = effects && r.nextDouble() < 0.5;
      double speed = pan ? (0.002 + r.nextDouble() * 0.006) * (r.nextBoolean() ? 1 : -1) : 0;
      // A pan must stay inside the source: it runs towards the side with room.
      double room = speed > 0 ? 1 - width / 2 - cx : cx - width / 2;
      double vx = Math.abs(speed) * frames > room ? Math.signum(speed) * room / frames : speed;
      double gain = effects && r.nextDouble() < 0.3 ? 0.35 + r.nextDouble() * 0.35 : 1.0;
      Set<Integer> flashes = new TreeSet<>();
      if (effects && r.nextDouble() < 0.35) {
        int at = 8 + r.nextInt(frames - 16);
        flashes.add(at);
        if (r.nextBoolean()) {
          flashes.add(at + 1);
        }
      }
      return new Shot(source, r.nextInt(200), frames, cx, cy, width, vx, 0, gain, flashes);
    }
  }
}
