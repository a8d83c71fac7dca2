package io.facetrail.matcher.gallery;

import java.util.function.IntFunction;

/**
 * Something wrong with one record of an import.
 *
 * @param index the record's position in the import, from 0
 * @param message what is wrong, never echoing codes or names
 * @param earlier the position of an earlier record the problem involves (a duplicate id), or -1
 */
public record ImportProblem(int index, String message, int earlier) {
  /** A problem of the record alone. */
  public ImportProblem(int index, String message) {
    this(index, message, -1);
  }

  /**
   * The message, naming the earlier record involved as {@code where} names records ({@code record
   * 3}, or the line of a file it came from).
   */
  public String describe(IntFunction<String> where) {
    return earlier < 0 ? message : message + " (also in " + where.apply(earlier) + ")";
  }
}
