package io.facetrail.faces.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.facetrail.runtime.config.ConfigValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configured device: {@code cpu}, {@code gpu} (the first GPU), {@code gpu:N}, or {@code auto}
 * (the first GPU when PyTorch sees one, else the CPU). Written as that one value in configuration
 * ({@code faces.device}), parsed once when read.
 *
 * @param kind what was asked for
 * @param gpuIndex the GPU's index for {@code gpu:N} ({@code 0} for {@code gpu}), -1 otherwise
 */
public record DeviceSetting(Kind kind, int gpuIndex) implements ConfigValue {
  /** The form of a setting. */
  public enum Kind {
    CPU,
    GPU,
    AUTO
  }

  private static final Pattern GPU = Pattern.compile("gpu(?::(\\d+))?");

  /**
   * Parses a setting.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  @JsonCreator
  public static DeviceSetting parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("cpu")) {
      return new DeviceSetting(Kind.CPU, -1);
    }
    if (t.equals("auto")) {
      return new DeviceSetting(Kind.AUTO, -1);
    }
    Matcher m = GPU.matcher(t);
    if (m.matches()) {
      return new DeviceSetting(Kind.GPU, m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
    }
    throw new IllegalArgumentException(
        "device '" + text + "' is not one of cpu, gpu, gpu:N (N = 0, 1, ...), auto");
  }

  @Override
  public String toString() {
    return switch (kind) {
      case CPU -> "cpu";
      case AUTO -> "auto";
      case GPU -> "gpu:" + gpuIndex;
    };
  }
}
