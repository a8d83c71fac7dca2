package io.facetrail.matcher.cli;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryStores;
import io.facetrail.matcher.gallery.GalleryUnavailableException;
import io.facetrail.matcher.gallery.UnknownPersonException;
import io.facetrail.matcher.gallery.local.LocalGallery;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.matcher.trained.ModelFolders;
import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** Options naming the gallery a command works on: the matcher's configuration or a directory. */
final class GalleryOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Matcher configuration (its gallery section); default: built-in defaults")
  Path config;

  @Option(
      names = "--local",
      paramLabel = "DIR",
      description = "Use the local gallery in DIR instead of the configured one")
  Path local;

  /**
   * The trained model folders of the matcher's configuration ({@code gallery.models}; also with
   * {@code --local}, which names only where the gallery is), and {@code extra} when not null (the
   * model a command embeds with).
   */
  ModelFolders models(Path extra) {
    try {
      List<Path> folders = new ArrayList<>(MatcherConfig.loader().load(config).gallery().models());
      if (extra != null && !folders.contains(extra)) {
        folders.add(extra);
      }
      return ModelFolders.load(folders);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
  }

  Gallery open() {
    if (local != null) {
      return LocalGallery.open(local, Clock.systemUTC());
    }
    MatcherConfig c = MatcherConfig.loader().load(config);
    return GalleryStores.open(c.gallery(), Clock.systemUTC());
  }

  /** Runs {@code action} on the gallery, turning store failures into clear user-facing errors. */
  <T> T with(Function<Gallery, T> action) {
    try (Gallery g = open()) {
      try {
        return action.apply(g);
      } catch (GalleryUnavailableException e) {
        throw new UserFacingException("gallery unavailable: " + e.getMessage(), e);
      } catch (UnknownPersonException | IllegalArgumentException e) {
        throw new UserFacingException(e.getMessage(), e);
      }
    }
  }
}
