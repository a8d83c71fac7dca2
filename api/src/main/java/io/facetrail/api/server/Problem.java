package io.facetrail.api.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An error response as RFC 9457 problem details ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem, {@code about:blank} when the status says it all
 * @param title a short summary of the kind, the same for every occurrence
 * @param status the HTTP status
 * @param detail what went wrong with this request, for a human
 * @param instance the request path
 * @param errors the individual problems when a request has several (e.g. invalid fields)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, String instance, List<String> errors) {
  /** The media type of problem details. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** The base of FaceTrail's problem type URIs. */
  public static final String TYPE_BASE = "https://facetrail.io/problems/";
}
