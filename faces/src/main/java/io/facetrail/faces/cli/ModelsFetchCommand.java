package io.facetrail.faces.cli;

import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.model.ModelFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code facetrail models fetch}: fills the model cache and verifies every file. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches the pretrained face models (npm package @vladmandic/face-api@1.7.15) into the model"
          + " cache and verifies each file's SHA-256. Files already present and valid are kept.",
      "Needs npm and the npm registry; prints the manual steps otherwise."
    })
public final class ModelsFetchCommand implements Callable<Integer> {
  @Option(
      names = "--dir",
      description =
          "Model cache folder (default: $FACETRAIL_MODELS_DIR, else ~/.cache/facetrail/models).")
  Path dir;

  @Override
  public Integer call() {
    ModelCache cache = ModelCache.at(dir);
    List<ModelFile> fetched = cache.ensureAll();
    System.out.println(
        "models: "
            + ModelFile.values().length
            + " files verified in "
            + cache.dir()
            + (fetched.isEmpty() ? " (already present)" : " (" + fetched.size() + " fetched)"));
    return 0;
  }
}
