package io.facetrail.runtime.streams;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a Streams application keeps its local state when its configuration names no directory:
 * {@code $XDG_STATE_HOME/facetrail/<applicationId>}, by default {@code
 * ~/.local/state/facetrail/<applicationId>}. Per user (another user's process can neither read the
 * stores nor hold their lock) and per application (a tracker and a matcher on one host never share
 * one). The directory used to default to {@code /tmp/facetrail/...}, shared by every user of the
 * host. Containers name a volume explicitly.
 */
public final class StateDirectory {
  private StateDirectory() {}

  /**
   * {@code configured} when it names a directory, else the per-user default of {@code
   * applicationId} for this process's environment and home.
   */
  public static String orDefault(String configured, String applicationId) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    if (applicationId == null || applicationId.isBlank()) {
      return configured; // validation reports the missing application id
    }
    return defaultFor(applicationId, System.getenv(), System.getProperty("user.home")).toString();
  }

  /**
   * The default directory of {@code applicationId}. {@code XDG_STATE_HOME} counts only when it is
   * an absolute path, as the XDG base directory specification asks.
   */
  public static Path defaultFor(String applicationId, Map<String, String> env, String home) {
    String xdg = env.get("XDG_STATE_HOME");
    Path base =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(home, ".local", "state");
    return base.resolve("facetrail").resolve(applicationId);
  }
}
