package io.facetrail.matcher.gallery;

/**
 * Something wrong with one record of an import.
 *
 * @param index the record's position in the import, from 0
 * @param message what is wrong, never echoing codes or names
 */
public record ImportProblem(int index, String message) {}
