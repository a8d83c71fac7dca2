package io.facetrail.runtime.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made by {@code openssl} when a test starts, valid for one day, so that nothing
 * checked in ever expires: a CA, a server certificate it signed for {@code localhost} and {@code
 * 127.0.0.1}, a client certificate it signed, and, for the failures, a server certificate for
 * another host (same CA) and a second CA nobody trusts.
 *
 * <p>Keys are EC P-256: generated in milliseconds where RSA keys take a noticeable share of a
 * test's time, and accepted by Redis, Kafka and the JDK alike.
 *
 * <p>Files: PEM ({@code ca.pem}, {@code server.pem} + {@code server.key}, ...) for Redis and PEM
 * trust stores, PKCS#12 ({@code server.p12}, {@code client.p12}, password {@link #STORE_PASSWORD})
 * for Java key stores.
 */
public final class TestCertificates {
  /** Password of the PKCS#12 files (test material only). */
  public static final String STORE_PASSWORD = "test-store-password";

  private final Path dir;
  private final Path openssl;

  private TestCertificates(Path dir, Path openssl) {
    this.dir = dir;
    this.openssl = openssl;
  }

  /** Generates every file into {@code dir} (about half a second), or skips without openssl. */
  public static TestCertificates generate(Path dir) {
    TestCertificates c = new TestCertificates(dir, Executables.require("openssl", "openssl"));
    try {
      Files.createDirectories(dir);
      c.ca("ca", "FaceTrail test CA");
      c.ca("other-ca", "Untrusted test CA");
      c.signed("server", "localhost", "DNS:localhost,IP:127.0.0.1", "serverAuth");
      c.signed("wrong-host", "elsewhere.example", "DNS:elsewhere.example", "serverAuth");
      c.signed("client", "facetrail-client", "DNS:facetrail-client", "clientAuth");
      c.pkcs12("server");
      c.pkcs12("client");
    } catch (IOException e) {
      throw new AssertionError("cannot write certificates to " + dir, e);
    }
    return c;
  }

  private void ca(String name, String subject) throws IOException {
    run(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=" + subject,
        "-keyout",
        file(name + ".key"),
        "-out",
        file(name + ".pem"),
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign");
  }

  private void signed(String name, String cn, String altNames, String usage) throws IOException {
    Path ext = dir.resolve(name + ".ext");
    Files.writeString(
        ext,
        "subjectAltName=" + altNames + "\nextendedKeyUsage=" + usage + "\n",
        StandardCharsets.US_ASCII);
    run(
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-subj",
        "/CN=" + cn,
        "-keyout",
        file(name + ".key"),
        "-out",
        file(name + ".csr"));
    run(
        "x509",
        "-req",
        "-in",
        file(name + ".csr"),
        "-CA",
        file("ca.pem"),
        "-CAkey",
        file("ca.key"),
        "-CAcreateserial",
        "-days",
        "1",
        "-extfile",
        ext.toString(),
        "-out",
        file(name + ".pem"));
  }

  private void pkcs12(String name) throws IOException {
    run(
        "pkcs12",
        "-export",
        "-in",
        file(name + ".pem"),
        "-inkey",
        file(name + ".key"),
        "-certfile",
        file("ca.pem"),
        "-name",
        name,
        "-passout",
        "pass:" + STORE_PASSWORD,
        "-out",
        file(name + ".p12"));
  }

  private String file(String name) {
    return dir.resolve(name).toString();
  }

  private void run(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(openssl.toString());
    command.addAll(List.of(args));
    Path log = dir.resolve("openssl.log");
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new AssertionError(
            "openssl " + String.join(" ", args) + " failed:\n" + Files.readString(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running openssl", e);
    }
  }

  /** The CA that signed the server and client certificates (PEM). */
  public Path caPem() {
    return dir.resolve("ca.pem");
  }

  /** A CA that signed nothing this test's servers show (PEM). */
  public Path otherCaPem() {
    return dir.resolve("other-ca.pem");
  }

  /** The server's certificate (PEM), for {@code localhost} and {@code 127.0.0.1}. */
  public Path serverPem() {
    return dir.resolve("server.pem");
  }

  /** The server's private key (PEM, unencrypted). */
  public Path serverKey() {
    return dir.resolve("server.key");
  }

  /** The server's key and certificate chain (PKCS#12, {@link #STORE_PASSWORD}). */
  public Path serverP12() {
    return dir.resolve("server.p12");
  }

  /** A certificate of the same CA for {@code elsewhere.example} only (PEM). */
  public Path wrongHostPem() {
    return dir.resolve("wrong-host.pem");
  }

  /** The private key of {@link #wrongHostPem()} (PEM). */
  public Path wrongHostKey() {
    return dir.resolve("wrong-host.key");
  }

  /** A client's key and certificate chain (PKCS#12, {@link #STORE_PASSWORD}). */
  public Path clientP12() {
    return dir.resolve("client.p12");
  }
}
