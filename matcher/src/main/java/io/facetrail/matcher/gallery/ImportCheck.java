package io.facetrail.matcher.gallery;

import io.facetrail.runtime.text.DisplayText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a whole import before anything is written: every id ({@link GalleryIds}) and name ({@link
 * PersonNames}), and that no person id and no code id occurs twice in it (a store would otherwise
 * merge two codes into one, or let the later person silently replace the earlier one). A store adds
 * its own rules through {@code storeRule} (a local gallery's ids are file names).
 */
public final class ImportCheck {
  private ImportCheck() {}

  /** Every problem of {@code records}, in record order; empty when the import may be written. */
  public static List<ImportProblem> problems(
      List<PersonRecord> records, Function<String, Optional<String>> storeRule) {
    List<ImportProblem> out = new ArrayList<>();
    Map<String, Integer> persons = new HashMap<>();
    Map<String, Integer> codes = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      int index = i;
      PersonRecord r = records.get(i);
      String personId = r.person().id();
      GalleryIds.problem("person", personId)
          .or(() -> storeRule.apply(personId))
          .ifPresent(p -> out.add(new ImportProblem(index, p)));
      PersonNames.problem(r.person().name()).ifPresent(p -> out.add(new ImportProblem(index, p)));
      Integer earlier = persons.putIfAbsent(personId, i);
      if (earlier != null) {
        out.add(new ImportProblem(i, "person id occurs twice", earlier));
      }
      for (StoredCode c : r.codes()) {
        GalleryIds.problem("code", c.codeId()).ifPresent(p -> out.add(new ImportProblem(index, p)));
        Integer first = codes.putIfAbsent(c.codeId(), i);
        if (first != null) {
          String what = "code id " + DisplayText.safe(c.codeId()) + " occurs twice";
          out.add(
              first == i
                  ? new ImportProblem(i, what + " in this record")
                  : new ImportProblem(i, what, first));
        }
      }
    }
    return out;
  }

  /**
   * Throws when {@link #problems} finds anything.
   *
   * @throws InvalidImportException listing every problem
   */
  public static void require(
      List<PersonRecord> records, Function<String, Optional<String>> storeRule) {
    List<ImportProblem> problems = problems(records, storeRule);
    if (!problems.isEmpty()) {
      throw new InvalidImportException(problems);
    }
  }
}
