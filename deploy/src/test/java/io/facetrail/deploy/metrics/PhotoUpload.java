package io.facetrail.deploy.metrics;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One photo as a multipart/form-data body, the way a client uploads it to the API's identify
 * endpoint (the JDK's HTTP client has no multipart builder).
 */
final class PhotoUpload {
  private final String boundary = "----facetrail-deploy-" + UUID.randomUUID();
  private final byte[] body;

  PhotoUpload(String part, String fileName, byte[] photo) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(
        out,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + part
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: image/jpeg\r\n\r\n");
    out.writeBytes(photo);
    write(out, "\r\n--" + boundary + "--\r\n");
    this.body = out.toByteArray();
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  HttpRequest.BodyPublisher publisher() {
    return HttpRequest.BodyPublishers.ofByteArray(body);
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
