package io.facetrail.app.run;

import java.util.Map;

/**
 * The HTTP API and console of a run ({@code run --serve PORT}).
 *
 * @param port the port on 127.0.0.1 (0: a free one)
 * @param settings API settings over its defaults and {@code FACETRAIL_*} variables, as dotted paths
 *     (e.g. {@code access.keysFile}); the run's broker, gallery and decision rules always win
 */
public record ServeOptions(int port, Map<String, String> settings) {
  public ServeOptions {
    settings = Map.copyOf(settings);
  }
}
