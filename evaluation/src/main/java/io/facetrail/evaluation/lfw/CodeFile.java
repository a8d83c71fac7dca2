package io.facetrail.evaluation.lfw;

import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Face codes computed by another tool, one photo per line: {@code Person/Person_0001.jpg TAB base64
 * 128-byte code}, further tab-separated columns ignored, {@code -} instead of the code for a photo
 * without a face. {@code facetrail eval identification --cache FILE} writes this layout, so the
 * calibration can be computed from the very codes the identification protocol searches with (the
 * deployed pipeline's: central face, flip) without embedding LFW twice.
 */
final class CodeFile {
  private CodeFile() {}

  /** Photo to code; photos without a face and lines cut short are left out. */
  static Map<String, byte[]> read(Path file) {
    Map<String, byte[]> codes = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] parts = line.split("\t");
        if (parts.length < 2 || parts[1].equals("-")) {
          continue;
        }
        byte[] code = Base64.getDecoder().decode(parts[1]);
        if (code.length != io.facetrail.contracts.code.FaceCode.DIMENSIONS) {
          throw new UserFacingException(
              file + ": the code of " + parts[0] + " has " + code.length + " bytes, not 128");
        }
        codes.put(parts[0], code);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the code file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(file + " is not a code file: " + e.getMessage(), e);
    }
    return codes;
  }
}
