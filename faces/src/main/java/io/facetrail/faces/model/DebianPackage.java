package io.facetrail.faces.model;

/**
 * The pinned Debian package holding dlib's shape predictor: {@code libdlib-data} 19.24+dfsg-1
 * (architecture-independent; the model file is CC0 per the package's copyright file). The {@code
 * .deb} is an {@code ar} archive whose {@code data.tar.xz} holds the file under {@code
 * ./usr/share/dlib/}.
 */
final class DebianPackage {
  static final String NAME = "libdlib-data";
  static final String VERSION = "19.24+dfsg-1";
  static final String URL =
      "http://deb.debian.org/debian/pool/main/d/dlib/libdlib-data_19.24+dfsg-1_all.deb";
  static final long SIZE = 63_404_680L;

  /**
   * SHA-256 of the {@code .deb}. Plain HTTP is safe here because this checksum (and each extracted
   * file's own) is verified before anything is used.
   */
  static final String SHA256 = "12dda15b1323ca7772bd9cae31f2b839485b36f51b1fe51707a272b94b71c106";

  static final String FOLDER_IN_DATA = "./usr/share/dlib/";

  private DebianPackage() {}
}
