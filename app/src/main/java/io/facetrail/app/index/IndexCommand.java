package io.facetrail.app.index;

import io.facetrail.app.run.PipelineOptions;
import io.facetrail.app.run.RunStop;
import io.facetrail.runtime.text.DisplayText;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code facetrail index}: who appears when in every video of an archive. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Index a video archive: every video of the folders (searched recursively) and files given"
          + " runs through the whole pipeline in this process, one after the other. Per video a"
          + " timeline of who appears when is written as JSON and CSV (faces as JPEG files next to"
          + " them), and one HTML report covers the archive. Videos already indexed (same size,"
          + " modification time and settings, and the gallery unchanged since) are skipped, so an"
          + " interrupted run continues where it stopped. After a person is enrolled, renamed or"
          + " erased, the archived tracks are decided again from their stored codes and each"
          + " video's timeline is made again from the track archive without decoding it (a video"
          + " whose tracks the archive does not hold is decoded again); earlier results naming a"
          + " person no longer in the gallery are deleted first. Unreadable videos are reported"
          + " and do not stop the others.",
      "",
      "  facetrail index --enroll staff/ archive/",
      "  facetrail index --out results/ --gallery redis://localhost:6379 2023/ 2024/",
      "  facetrail index --config run.yaml --set matcher.decision.fpir=1e-3 archive/",
      "",
      "Stage settings as for `facetrail run`, later ones winning: the stages' built-in defaults,"
          + " --config FILE (sections embedder, tracker, matcher), FACETRAIL_* variables (the"
          + " services' names), --set KEY=VALUE, then the options --device, --model, --fpir and"
          + " --far when given. --print-config shows the result.",
      ""
    })
public final class IndexCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "DIR|FILE",
      arity = "0..*",
      description =
          "Folders of videos ("
              + ArchiveScan.EXTENSIONS_TEXT
              + ") and video files; none with --print-config.")
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "facetrail-index",
      description =
          "Where the timelines, faces and the report (index.html) go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--force",
      description =
          "Decode every video again, even those already indexed or that the track archive could"
              + " refresh (default: ${DEFAULT-VALUE}).")
  boolean force;

  @Mixin PipelineOptions pipeline = new PipelineOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (pipeline.printConfigRequested()) {
      // Needs no input: it prints what a run with these options would be configured with.
      return PipelineOptions.printConfig(
          pipeline.settings(pipeline.printedWorkDir()).build(),
          System.getenv(),
          spec.commandLine().getOut());
    }
    if (inputs.isEmpty()) {
      // Not arity 1..*: --print-config needs none.
      throw new ParameterException(
          spec.commandLine(), "Missing required parameter: 'DIR|FILE' (at least one)");
    }
    return pipeline.execute(
        "facetrail-index-",
        (dir, stop) ->
            run(
                new IndexSettings(inputs, out, force, pipeline.settings(dir).build()),
                System.out,
                System.err,
                System.console() != null,
                stop));
  }

  /**
   * Indexes and prints what was done.
   *
   * @param out the result (indexed, skipped, failed, where the report is)
   * @param err status lines and progress
   * @param bars progress bars (a terminal) rather than one line per video
   * @return 0 when every video is indexed, 2 when one failed or the run was stopped
   */
  public static int run(
      IndexSettings s, PrintStream out, PrintStream err, boolean bars, RunStop stop)
      throws InterruptedException {
    ArchiveIndexer.Result r = ArchiveIndexer.run(s, err, bars, stop);
    out.printf(
        "Indexed %d video(s), skipped %d already indexed, %d failed%s%s%n",
        r.indexed().size(),
        r.skipped().size(),
        r.failed().size(),
        r.refreshed().isEmpty()
            ? ""
            : ", " + r.refreshed().size() + " refreshed from the track archive without decoding",
        r.notDone() > 0 ? ", " + r.notDone() + " left for the next run" : "");
    for (String again : r.redone()) {
      out.println("  again  " + DisplayText.safe(again));
    }
    for (String refreshed : r.refreshed()) {
      out.println("  refreshed  " + DisplayText.safe(refreshed));
    }
    for (String f : r.failed()) {
      out.println("  FAILED " + DisplayText.safe(f));
    }
    out.println(
        DisplayText.safe(
            "Timelines in "
                + s.out().toAbsolutePath()
                + "; report: "
                + r.report().toAbsolutePath()));
    out.flush();
    return r.failed().isEmpty() && r.notDone() == 0 ? 0 : 2;
  }
}
