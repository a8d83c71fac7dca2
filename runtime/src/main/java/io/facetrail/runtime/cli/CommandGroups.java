package io.facetrail.runtime.cli;

import java.util.Map;

/**
 * The command groups of the CLI, whose subcommands come from several modules. A group is listed
 * only when at least one module provides a command for it.
 */
public final class CommandGroups {
  public static final String EVAL = "eval";
  public static final String BENCH = "bench";
  public static final String GALLERY = "gallery";
  public static final String TRAIN = "train";
  public static final String MODELS = "models";
  public static final String ARCHIVE = "archive";
  public static final String CLUSTERS = "clusters";

  /** One-line description of each group for {@code --help}. */
  public static final Map<String, String> DESCRIPTIONS =
      Map.of(
          EVAL, "Measure quality: face verification on LFW, tracking on generated sequences.",
          BENCH, "Measure speed; every benchmark prints one JSON object per result line.",
          GALLERY, "Enrol, list, search and erase the persons FaceTrail recognises.",
          TRAIN, "Train embedding models (triplet loss, harmonic embeddings).",
          MODELS, "Fetch and inspect the pretrained face models.",
          ARCHIVE, "The track archive: re-decide archived tracks after gallery changes.",
          CLUSTERS, "Clusters of unknown faces: list them, see their tracks, name them.");

  private CommandGroups() {}
}
