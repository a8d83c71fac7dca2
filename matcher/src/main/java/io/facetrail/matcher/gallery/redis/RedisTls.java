package io.facetrail.matcher.gallery.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS side of a Redis connection: whom to trust ({@link RedisSettings#caFile()} or the JVM's
 * trust store), which certificate to show ({@link RedisSettings#keyStore()}) and whether the
 * server's certificate must name the host.
 */
final class RedisTls {
  private RedisTls() {}

  /** A socket factory trusting the configured CA and presenting the configured client key. */
  static SSLSocketFactory socketFactory(RedisSettings s) {
    if (s.caFile().isEmpty() && s.keyStore().isEmpty()) {
      return (SSLSocketFactory) SSLSocketFactory.getDefault();
    }
    try {
      TrustManager[] trust = s.caFile().isEmpty() ? null : trustManagers(Path.of(s.caFile()));
      KeyManager[] keys =
          s.keyStore().isEmpty()
              ? null
              : keyManagers(Path.of(s.keyStore()), s.keyStorePassword().reveal().toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new RedisTlsException(
          "cannot set up TLS to " + s.describe() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Host name verification as configured. JSSE checks the name only when asked to; a null algorithm
   * would accept any certificate the CA signed, for any host.
   */
  static SSLParameters parameters(RedisSettings s) {
    SSLParameters p = new SSLParameters();
    p.setEndpointIdentificationAlgorithm(s.verifyHostname() ? "HTTPS" : null);
    return p;
  }

  private static TrustManager[] trustManagers(Path caFile) throws GeneralSecurityException {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(caFile)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new RedisTlsException("cannot read the Redis CA file " + caFile, e);
    }
    if (certificates.isEmpty()) {
      throw new RedisTlsException(
          "the Redis CA file " + caFile + " holds no PEM certificate", null);
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException("an empty key store cannot fail to load", e);
    }
    int i = 0;
    for (Certificate c : certificates) {
      store.setCertificateEntry("ca-" + i++, c);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  private static KeyManager[] keyManagers(Path file, char[] password)
      throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    } catch (IOException e) {
      // A wrong password surfaces here too (as an IOException caused by UnrecoverableKeyException).
      throw new RedisTlsException(
          "cannot read the Redis client key store " + file + ": " + e.getMessage(), e);
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }
}
