package io.facetrail.matcher.cli;

import io.facetrail.runtime.cli.CommandGroups;
import io.facetrail.runtime.cli.CommandProvider;
import java.util.List;

/**
 * Registers the matcher's tools with the {@code facetrail} CLI. The service command, {@code
 * facetrail matcher}, is the app's: it composes the matcher with a hosted tracker when asked. Its
 * evaluations ({@code eval identification}, {@code eval calibrate-tracks}) and benchmark ({@code
 * bench gallery}) are in the evaluation and benchmarks modules.
 */
public final class MatcherCommandProvider implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(
        ProvidedCommand.topLevel(new VerifyCommand()),
        ProvidedCommand.under(CommandGroups.GALLERY, new GalleryEnrollCommand()),
        ProvidedCommand.under(CommandGroups.GALLERY, new GalleryAddCommand()),
        ProvidedCommand.under(CommandGroups.GALLERY, new GalleryListCommand()),
        ProvidedCommand.under(CommandGroups.GALLERY, new GalleryShowCommand()),
        ProvidedCommand.under(CommandGroups.GALLERY, new GalleryRenameCommand()),
        ProvidedCommand.under(CommandGroups.GALLERY, new GalleryDeleteCommand()),
        ProvidedCommand.under(CommandGroups.GALLERY, new GalleryExportCommand()),
        ProvidedCommand.under(CommandGroups.GALLERY, new GalleryImportCommand()),
        ProvidedCommand.under(CommandGroups.GALLERY, new GallerySearchCommand()),
        ProvidedCommand.topLevel(new SearchCommand()),
        ProvidedCommand.under(CommandGroups.ARCHIVE, new ArchiveRedecideCommand()),
        ProvidedCommand.under(CommandGroups.CLUSTERS, new ClustersListCommand()),
        ProvidedCommand.under(CommandGroups.CLUSTERS, new ClustersShowCommand()),
        ProvidedCommand.under(CommandGroups.CLUSTERS, new ClustersNameCommand()));
  }
}
