package io.facetrail.matcher.gallery;

import io.facetrail.runtime.text.DisplayText;

/** An operation named a person id the gallery does not hold (never enrolled, or erased). */
public final class UnknownPersonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownPersonException(String personId) {
    super("no person with id " + DisplayText.safe(personId) + " in the gallery");
  }
}
