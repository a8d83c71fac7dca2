package io.facetrail.api.server;

import java.util.List;

/**
 * Ends a request with a problem response. Handlers throw it for what the caller got wrong (status
 * 4xx) or what is unavailable (503); the server turns it into {@link Problem} JSON.
 */
public final class ProblemException extends RuntimeException {
  private final int status;
  private final String kind;
  private final String title;
  private final List<String> errors;
  private final long retryAfterSeconds;

  private ProblemException(
      int status, String kind, String title, String detail, List<String> errors, long retryAfter) {
    super(detail);
    this.status = status;
    this.kind = kind;
    this.title = title;
    this.errors = errors == null ? null : List.copyOf(errors);
    this.retryAfterSeconds = retryAfter;
  }

  /**
   * @param status the HTTP status
   * @param kind the problem type's last path segment, e.g. {@code unknown-person}
   * @param title the kind's summary
   * @param detail this occurrence
   */
  public static ProblemException of(int status, String kind, String title, String detail) {
    return new ProblemException(status, kind, title, detail, null, 0);
  }

  public static ProblemException badRequest(String detail) {
    return of(400, "bad-request", "The request is not valid", detail);
  }

  public static ProblemException invalid(String detail, List<String> errors) {
    return new ProblemException(
        422, "invalid-fields", "Some fields are not valid", detail, errors, 0);
  }

  public static ProblemException notFound(String kind, String detail) {
    return of(404, kind, "Not found", detail);
  }

  public static ProblemException tooMany(long retryAfterSeconds) {
    return new ProblemException(
        429,
        "rate-limited",
        "Too many requests",
        "this caller made too many requests; retry after " + retryAfterSeconds + " s",
        null,
        retryAfterSeconds);
  }

  public int status() {
    return status;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The problem details of this exception at {@code path}. */
  public Problem toProblem(String path) {
    return new Problem(
        kind == null ? "about:blank" : Problem.TYPE_BASE + kind,
        title,
        status,
        getMessage(),
        path,
        errors);
  }
}
