package io.facetrail.matcher.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.matcher.aggregate.TrackState;
import io.facetrail.matcher.decision.DecisionPolicy.Transition;
import io.facetrail.matcher.index.Match;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionPolicyTest {
  private final DecisionPolicy policy = new DecisionPolicy(DecisionSettings.defaults());

  private static Match at(String person, double distance) {
    return new Match(
        person, person, (int) Math.round(FaceCode.toSquaredCodeDistance(distance)), "m");
  }

  @Test
  void needsEnoughFramesAThresholdAndAMargin() {
    double t = 0.8;
    assertThat(policy.judge(2, List.of(at("a", 0.4)), t).kind())
        .isEqualTo(Verdict.Kind.TOO_FEW_FRAMES);
    assertThat(policy.judge(3, List.of(), t).kind()).isEqualTo(Verdict.Kind.NO_MATCH);
    assertThat(policy.judge(3, List.of(at("a", 0.85)), t).kind()).isEqualTo(Verdict.Kind.NO_MATCH);
    assertThat(policy.judge(3, List.of(at("a", 0.5), at("b", 0.52)), t).kind())
        .isEqualTo(Verdict.Kind.AMBIGUOUS);
    assertThat(policy.judge(3, List.of(at("a", 0.5), at("b", 0.9)), t).kind())
        .isEqualTo(Verdict.Kind.MATCH);
    assertThat(policy.judge(3, List.of(at("a", 0.5)), t).kind()).isEqualTo(Verdict.Kind.MATCH);
  }

  @Test
  void changesPersonOnlyAfterHysteresis() {
    TrackState s = new TrackState("t", "s");
    double t = 0.8;
    Verdict a = policy.judge(5, List.of(at("a", 0.4), at("b", 1.0)), t);
    Verdict b = policy.judge(5, List.of(at("b", 0.4), at("a", 1.0)), t);
    Verdict none = policy.judge(5, List.of(at("b", 0.95)), t);
    assertThat(policy.apply(s, a)).isEqualTo(Transition.IDENTIFIED);
    assertThat(policy.apply(s, a)).isEqualTo(Transition.NONE);
    assertThat(policy.apply(s, b)).isEqualTo(Transition.NONE);
    assertThat(policy.apply(s, b)).isEqualTo(Transition.NONE);
    assertThat(policy.apply(s, a)).isEqualTo(Transition.NONE); // Streak broken.
    assertThat(policy.apply(s, b)).isEqualTo(Transition.NONE);
    assertThat(policy.apply(s, b)).isEqualTo(Transition.NONE);
    assertThat(policy.apply(s, none)).isEqualTo(Transition.NONE); // Streak broken again.
    assertThat(s.personId()).isEqualTo("a");
    policy.apply(s, b);
    policy.apply(s, b);
    assertThat(policy.apply(s, b)).isEqualTo(Transition.CHANGED);
    assertThat(s.personId()).isEqualTo("b");
    assertThat(s.changes()).isEqualTo(1);
  }
}
