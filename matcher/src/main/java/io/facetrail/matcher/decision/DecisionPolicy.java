package io.facetrail.matcher.decision;

import io.facetrail.matcher.aggregate.TrackState;
import io.facetrail.matcher.index.Match;
import java.util.List;

/**
 * Turns gallery search results into verdicts and verdicts into identity transitions. Pure: the same
 * state and results always give the same outcome, so a replay decides as the original run.
 */
public final class DecisionPolicy {
  private final DecisionSettings settings;

  public DecisionPolicy(DecisionSettings settings) {
    this.settings = settings;
  }

  public DecisionSettings settings() {
    return settings;
  }

  /**
   * Judges the two nearest persons for a track with {@code goodFrames} good observations.
   *
   * @param nearest up to two persons, nearest first
   */
  public Verdict judge(int goodFrames, List<Match> nearest, double threshold) {
    Match best = nearest.isEmpty() ? null : nearest.get(0);
    Match second = nearest.size() > 1 ? nearest.get(1) : null;
    if (goodFrames < settings.minGoodFrames()) {
      return new Verdict(Verdict.Kind.TOO_FEW_FRAMES, best, second, threshold);
    }
    if (best == null || best.distance() > threshold) {
      return new Verdict(Verdict.Kind.NO_MATCH, best, second, threshold);
    }
    if (second != null && best.distance() > settings.marginRatio() * second.distance()) {
      return new Verdict(Verdict.Kind.AMBIGUOUS, best, second, threshold);
    }
    return new Verdict(Verdict.Kind.MATCH, best, second, threshold);
  }

  /** What a verdict does to a track's identity. */
  public enum Transition {
    NONE,
    IDENTIFIED,
    CHANGED
  }

  /**
   * Applies a verdict to the track's identity: the first match identifies the track; a match to
   * another person changes it only after {@code changeHysteresis} consecutive such verdicts, so one
   * odd frame cannot make the identity flicker.
   */
  public Transition apply(TrackState state, Verdict v) {
    if (v.kind() != Verdict.Kind.TOO_FEW_FRAMES) {
      state.distances(v.bestDistance(), v.secondDistance(), v.threshold());
    }
    String current = state.personId();
    if (v.kind() != Verdict.Kind.MATCH) {
      state.identity(current, null, 0, state.changes());
      return Transition.NONE;
    }
    String matched = v.best().personId();
    if (current == null) {
      state.identity(matched, null, 0, state.changes());
      return Transition.IDENTIFIED;
    }
    if (matched.equals(current)) {
      state.identity(current, null, 0, state.changes());
      return Transition.NONE;
    }
    int streak = matched.equals(state.candidateId()) ? state.candidateStreak() + 1 : 1;
    if (streak >= settings.changeHysteresis()) {
      state.identity(matched, null, 0, state.changes() + 1);
      return Transition.CHANGED;
    }
    state.identity(current, matched, streak, state.changes());
    return Transition.NONE;
  }
}
