package io.facetrail.matcher.cli;

import io.facetrail.matcher.enrol.AmbiguousPersonException;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GallerySettings;
import io.facetrail.matcher.gallery.GalleryStores;
import io.facetrail.matcher.gallery.GalleryTarget;
import io.facetrail.matcher.gallery.GalleryUnavailableException;
import io.facetrail.matcher.gallery.UnknownPersonException;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.matcher.trained.ModelFolders;
import io.facetrail.runtime.cli.ConfigFileOptions;
import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The gallery a command works on, chosen the same way by every gallery command (and as {@code run}
 * and {@code index} choose theirs): {@code --gallery DIR|redis://...} when given; else the gallery
 * of the matcher's configuration when one is given ({@code --config}, a {@code --set gallery.*} or
 * a {@code FACETRAIL_GALLERY_*} variable); else the local folder {@value GalleryTarget#DEFAULT}.
 * The store used is named on standard error, so nobody edits one gallery believing it is another.
 */
final class GalleryOptions extends ConfigFileOptions {
  @Option(
      names = "--gallery",
      paramLabel = "DIR|redis://HOST:PORT",
      description =
          "The gallery: a folder (the local gallery) or a Redis server,"
              + " redis://[USER[:PASSWORD]@]HOST[:PORT][/DB][?keyPrefix=P] (default: the gallery"
              + " of the matcher configuration when --config, --set gallery.* or FACETRAIL_GALLERY_*"
              + " variables give one, else "
              + GalleryTarget.DEFAULT
              + ").")
  String gallery;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  private MatcherConfig config;

  /** The matcher configuration: defaults, {@code --config}, the environment, {@code --set}. */
  MatcherConfig config() {
    if (config == null) {
      config = load(MatcherConfig.loader());
    }
    return config;
  }

  /** Where the gallery is and how to use it. */
  GallerySettings settings() {
    GallerySettings configured = config().gallery();
    if (gallery != null) {
      return GalleryTarget.parse(gallery).applyTo(configured);
    }
    return configurationNamesGallery(System.getenv())
        ? configured
        : GalleryTarget.defaultLocal().applyTo(configured);
  }

  /** Whether the user's configuration says where the gallery is (else the default applies). */
  boolean configurationNamesGallery(Map<String, String> env) {
    return file() != null
        || overrides().keySet().stream().anyMatch(k -> k.startsWith("gallery."))
        || env.keySet().stream().anyMatch(k -> k.startsWith("FACETRAIL_GALLERY_"));
  }

  /**
   * The trained model folders of the matcher's configuration ({@code gallery.models}), and {@code
   * extra} when not null (the model a command embeds with).
   */
  ModelFolders models(Path extra) {
    try {
      List<Path> folders = new ArrayList<>(settings().models());
      if (extra != null && !folders.contains(extra)) {
        folders.add(extra);
      }
      return ModelFolders.load(folders);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
  }

  /** Opens the gallery and names it on standard error. */
  Gallery open() {
    Gallery g = GalleryStores.open(settings(), Clock.systemUTC());
    command.commandLine().getErr().println("gallery: " + g.describe());
    return g;
  }

  /** Runs {@code action} on the gallery, turning store failures into clear user-facing errors. */
  <T> T with(Function<Gallery, T> action) {
    try (Gallery g = open()) {
      try {
        return action.apply(g);
      } catch (GalleryUnavailableException e) {
        throw new UserFacingException("gallery unavailable: " + e.getMessage(), e);
      } catch (UnknownPersonException | AmbiguousPersonException | IllegalArgumentException e) {
        throw new UserFacingException(e.getMessage(), e);
      }
    } catch (GalleryUnavailableException e) {
      // Opening failed (Redis unreachable, a folder that cannot be created).
      throw new UserFacingException("gallery unavailable: " + e.getMessage(), e);
    }
  }
}
