package io.facetrail.app;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code facetrail --version}, read from the jar manifest. */
public final class FacetrailVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = FacetrailCli.class.getPackage().getImplementationVersion();
    return new String[] {
      "facetrail " + (version == null ? "(development build)" : version),
      "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")
    };
  }
}
