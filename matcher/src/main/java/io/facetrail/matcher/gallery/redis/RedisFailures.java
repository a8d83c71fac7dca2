package io.facetrail.matcher.gallery.redis;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * What a failed Redis command means for the operator, in one sentence naming the setting to look
 * at. Jedis reports a refused password, an untrusted certificate and a plain client on a TLS port
 * as look-alike connection errors ("Failed to create socket.", "Unexpected end of stream."); the
 * cause chain tells them apart. No secret is ever part of the text: Redis's own messages name none,
 * and only the user name is added.
 */
public final class RedisFailures {
  private RedisFailures() {}

  /** {@code <where> <what went wrong>}, for {@code describe()} of the gallery or the archive. */
  public static String explain(String where, RedisSettings s, JedisException e) {
    if (e instanceof JedisAccessControlException) {
      // WRONGPASS, NOAUTH, NOPERM: Redis answers, but not to these credentials.
      return where
          + " refused access to "
          + (s.user().isEmpty() ? "the default user" : "user '" + s.user() + "'")
          + " (wrong user or password, or a command or key its ACL does not allow): "
          + e.getMessage();
    }
    SSLException tls = find(e, SSLException.class);
    if (tls != null) {
      return where + ": TLS failed: " + tlsProblem(s, e, tls);
    }
    if (e instanceof JedisConnectionException && hungUp(e)) {
      // Redis sends no error when it drops a connection at the TLS layer: a TLS port given a
      // plain command, or (TLS 1.3 checks the client's certificate after the client has finished
      // its handshake) a server that wanted a client certificate. A server stopping looks the
      // same, so both readings are given.
      return where
          + " closed the connection without answering ("
          + rootMessage(e)
          + "): it stopped, or "
          + (s.tls()
              ? "it requires a client certificate" + keyStoreAdvice(s)
              : "it expects TLS on this port (set tls: true)");
    }
    if (e instanceof JedisConnectionException) {
      return where + " is unreachable: " + e.getMessage() + causeOf(e);
    }
    return where + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String tlsProblem(RedisSettings s, JedisException e, SSLException tls) {
    String message = String.valueOf(tls.getMessage());
    if (find(e, CertPathBuilderException.class) != null || message.contains("PKIX path")) {
      return "the server's certificate is not signed by a CA this client trusts ("
          + (s.caFile().isEmpty()
              ? "the JVM's trust store; set caFile to the PEM of the server's CA"
              : "caFile " + s.caFile())
          + ")";
    }
    CertificateException certificate = find(e, CertificateException.class);
    if (certificate != null && message.contains("No ")) {
      // "No subject alternative names matching IP address ...", "No name matching ... found".
      return "the server's certificate does not name "
          + s.host()
          + " ("
          + certificate.getMessage()
          + "); connect by a name the certificate lists, or set verifyHostname: false";
    }
    if (message.contains("certificate_required") || message.contains("bad_certificate")) {
      return "the server requires a client certificate" + keyStoreAdvice(s) + ": " + message;
    }
    if (message.contains("Unsupported or unrecognized SSL message")) {
      return "the server does not speak TLS on this port (is tls: true meant for a plain port?)";
    }
    return message;
  }

  private static String keyStoreAdvice(RedisSettings s) {
    return s.keyStore().isEmpty()
        ? " and none is configured (set keyStore)"
        : " and refused the one in keyStore " + s.keyStore();
  }

  /** The server accepted the connection, then dropped it instead of answering. */
  private static boolean hungUp(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("Unexpected end of stream")
          || m.contains("Connection reset")
          || m.contains("Broken pipe")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** The underlying cause ({@code Connection refused}, a timeout), which Jedis only wraps. */
  private static String causeOf(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    boolean told = root == e || String.valueOf(e.getMessage()).contains(root.toString());
    return told ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }
}
