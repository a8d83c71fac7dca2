package io.facetrail.app.run;

import io.facetrail.faces.device.DeviceSetting;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --device} into its typed value when the command line is parsed, so that a wrong one
 * is a usage error naming the accepted forms, and the pipeline is handed the parsed setting.
 */
public final class DeviceConverter implements ITypeConverter<DeviceSetting> {
  @Override
  public DeviceSetting convert(String value) {
    try {
      return DeviceSetting.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
