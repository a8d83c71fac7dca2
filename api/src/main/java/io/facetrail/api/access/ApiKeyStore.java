package io.facetrail.api.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API keys, in a JSON file readable by its owner only. A key is {@code ftk_<id>_<secret>}: the
 * id finds the stored record, the secret's SHA-256 must equal the stored one (compared in constant
 * time). The file is re-read when it changes, so {@code facetrail api-keys create|revoke} takes
 * effect on a running server without a restart.
 */
public final class ApiKeyStore {
  private static final Pattern KEY = Pattern.compile("ftk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");
  private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final Path file;
  private final Clock clock;
  private Map<String, ApiKey> keys = Map.of();
  private Object loadedStamp = "never loaded";

  public ApiKeyStore(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  public Path file() {
    return file;
  }

  /** A newly created key: the only moment its full value exists outside the caller's hands. */
  public record Created(ApiKey key, String token) {
    @Override
    public String toString() {
      return "Created[" + key.id() + "]";
    }
  }

  /** Creates a key with {@code role} and stores its hash. */
  public synchronized Created create(String name, Role role) {
    if (name == null
        || name.isBlank()
        || name.length() > 100
        || !name.matches("[\\p{L}\\p{N} ._-]+")) {
      throw new IllegalArgumentException(
          "a key name is 1-100 letters, digits, spaces, '.', '_' or '-'");
    }
    Map<String, ApiKey> all = new LinkedHashMap<>(current());
    String id = randomId();
    byte[] secretBytes = new byte[32];
    RANDOM.nextBytes(secretBytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    ApiKey key = new ApiKey(id, name.trim(), role, sha256(secret), clock.instant(), null);
    all.put(id, key);
    write(all);
    return new Created(key, "ftk_" + id + "_" + secret);
  }

  /**
   * Revokes a key by id.
   *
   * @return whether an active key had that id
   */
  public synchronized boolean revoke(String id) {
    Map<String, ApiKey> all = new LinkedHashMap<>(current());
    ApiKey k = all.get(id);
    if (k == null || !k.active()) {
      return false;
    }
    all.put(id, k.revokedAt(clock.instant()));
    write(all);
    return true;
  }

  /** Every key, active or revoked, oldest first. */
  public synchronized List<ApiKey> list() {
    return new ArrayList<>(current().values());
  }

  /** The active key with id {@code id}, if there is one. */
  public synchronized Optional<ApiKey> active(String id) {
    return Optional.ofNullable(current().get(id)).filter(ApiKey::active);
  }

  /** The active key {@code token} is, if it is one. */
  public synchronized Optional<ApiKey> authenticate(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Matcher m = KEY.matcher(token.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    ApiKey k = current().get(m.group(1));
    if (k == null || !k.active()) {
      return Optional.empty();
    }
    byte[] expected = HexFormat.of().parseHex(k.secretSha256());
    byte[] actual = HexFormat.of().parseHex(sha256(m.group(2)));
    return MessageDigest.isEqual(expected, actual) ? Optional.of(k) : Optional.empty();
  }

  /** Whether any key exists: a server without keys cannot be used and says so at start. */
  public synchronized boolean isEmpty() {
    return current().values().stream().noneMatch(ApiKey::active);
  }

  private Map<String, ApiKey> current() {
    try {
      Object stamp = stamp();
      if (!stamp.equals(loadedStamp)) {
        keys = stamp.equals(ABSENT) ? Map.of() : read();
        loadedStamp = stamp;
      }
      return keys;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read the API keys file " + file + ": " + e.getMessage(), e);
    }
  }

  private static final String ABSENT = "absent";

  /**
   * What identifies the file's current content: every write replaces the file (a new inode) and
   * changes its time, so a change by another process is seen even within one clock tick.
   */
  private Object stamp() throws IOException {
    if (!Files.exists(file)) {
      return ABSENT;
    }
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    return java.util.List.of(
        String.valueOf(a.fileKey()), a.lastModifiedTime().toString(), a.size());
  }

  private Map<String, ApiKey> read() throws IOException {
    List<ApiKey> list = JSON.readValue(file.toFile(), new TypeReference<List<ApiKey>>() {});
    Map<String, ApiKey> byId = new LinkedHashMap<>();
    for (ApiKey k : list) {
      byId.put(k.id(), k);
    }
    return byId;
  }

  private void write(Map<String, ApiKey> all) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".api-keys", ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system (Windows): the folder's own permissions protect it.
      }
      Files.write(
          tmp,
          JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new ArrayList<>(all.values())));
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      keys = Map.copyOf(all);
      loadedStamp = stamp();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot write the API keys file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String randomId() {
    StringBuilder b = new StringBuilder(12);
    for (int i = 0; i < 12; i++) {
      b.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
    }
    return b.toString();
  }

  static String sha256(String secret) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
