package io.facetrail.contracts.serde;

import java.util.List;

/**
 * Semantic checks of a parsed record (required fields, sizes, ranges). Parsing alone cannot tell a
 * valid record from bytes that merely happen to decode.
 */
@FunctionalInterface
public interface RecordValidator<T> {
  /** Every problem found, or an empty list when the record is valid. */
  List<String> problems(T record);
}
