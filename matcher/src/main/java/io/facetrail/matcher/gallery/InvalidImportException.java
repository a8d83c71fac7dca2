package io.facetrail.matcher.gallery;

import java.util.List;
import java.util.stream.Collectors;

/** An import refused as a whole because of its {@link #problems()}; nothing was written. */
public final class InvalidImportException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<ImportProblem> problems;

  public InvalidImportException(List<ImportProblem> problems) {
    super(
        problems.size()
            + " problem"
            + (problems.size() == 1 ? "" : "s")
            + " in the import, nothing written: "
            + problems.stream()
                .map(p -> "record " + (p.index() + 1) + ": " + p.describe(i -> "record " + (i + 1)))
                .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in record order. */
  public List<ImportProblem> problems() {
    return problems;
  }
}
