package io.facetrail.evaluation.cli;

import io.facetrail.evaluation.clusters.EvalClustersCommand;
import io.facetrail.evaluation.detection.EvalDetectionCommand;
import io.facetrail.evaluation.detection.EvalSequencesCommand;
import io.facetrail.evaluation.identification.EvalCalibrateTracksCommand;
import io.facetrail.evaluation.identification.EvalIdentificationCommand;
import io.facetrail.evaluation.lfw.CalibrateCommand;
import io.facetrail.evaluation.lfw.EvalLfwCommand;
import io.facetrail.evaluation.quality.EvalQualityCommand;
import io.facetrail.evaluation.shots.EvalShotsCommand;
import io.facetrail.evaluation.tracking.TrackingEvalCommand;
import io.facetrail.runtime.cli.CommandGroups;
import io.facetrail.runtime.cli.CommandProvider;
import java.util.List;

/** Registers the evaluation commands with the {@code facetrail} CLI. */
public final class EvaluationCommandProvider implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(
        ProvidedCommand.under(CommandGroups.EVAL, new EvalDetectionCommand()),
        ProvidedCommand.under(CommandGroups.EVAL, new EvalSequencesCommand()),
        ProvidedCommand.under(CommandGroups.EVAL, new TrackingEvalCommand()),
        ProvidedCommand.under(CommandGroups.EVAL, new EvalLfwCommand()),
        ProvidedCommand.under(CommandGroups.EVAL, new CalibrateCommand()),
        ProvidedCommand.under(CommandGroups.EVAL, new EvalIdentificationCommand()),
        ProvidedCommand.under(CommandGroups.EVAL, new EvalCalibrateTracksCommand()),
        ProvidedCommand.under(CommandGroups.EVAL, new EvalShotsCommand()),
        ProvidedCommand.under(CommandGroups.EVAL, new EvalQualityCommand()),
        ProvidedCommand.under(
            CommandGroups.EVAL, new io.facetrail.evaluation.identification.EvalSearchCommand()),
        ProvidedCommand.under(CommandGroups.EVAL, new EvalClustersCommand()),
        ProvidedCommand.under(
            CommandGroups.EVAL, new io.facetrail.evaluation.identification.EvalStrangersCommand()));
  }
}
