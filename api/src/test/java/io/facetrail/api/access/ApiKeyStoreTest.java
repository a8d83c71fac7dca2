package io.facetrail.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {
  @TempDir Path dir;

  @Test
  void aKeyIsStoredOnlyAsAHashInAFileOnlyItsOwnerReads() throws Exception {
    ApiKeyStore store = new ApiKeyStore(dir.resolve("keys.json"), Clock.systemUTC());
    ApiKeyStore.Created c = store.create("nvr", Role.OPERATOR);
    String file = Files.readString(dir.resolve("keys.json"));
    String secret = c.token().substring(c.token().lastIndexOf('_') + 1);
    assertThat(file).contains(c.key().id()).doesNotContain(secret);
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys.json"))))
        .isEqualTo("rw-------");
    assertThat(c.toString()).doesNotContain(secret);
    assertThat(store.authenticate(c.token())).map(ApiKey::role).contains(Role.OPERATOR);
  }

  @Test
  void wrongMalformedAndRevokedKeysAreRefused() {
    ApiKeyStore store = new ApiKeyStore(dir.resolve("keys.json"), Clock.systemUTC());
    ApiKeyStore.Created c = store.create("console", Role.ADMIN);
    String token = c.token();
    char last = token.charAt(token.length() - 1);
    String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertThat(store.authenticate(altered)).isEmpty();
    assertThat(store.authenticate("ftk_short")).isEmpty();
    assertThat(store.authenticate(null)).isEmpty();
    // Another process (the CLI) revokes it: this store sees the change.
    new ApiKeyStore(dir.resolve("keys.json"), Clock.systemUTC()).revoke(c.key().id());
    assertThat(store.authenticate(token)).isEmpty();
    assertThat(store.isEmpty()).isTrue();
  }

  @Test
  void namesAreCheckedAndRolesParsed() {
    ApiKeyStore store = new ApiKeyStore(dir.resolve("keys.json"), Clock.systemUTC());
    assertThatThrownBy(() -> store.create("bad\u0007name", Role.VIEWER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Role.parse("Admin")).isEqualTo(Role.ADMIN);
    assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("viewer, operator, admin");
    assertThat(Role.ADMIN.includes(Role.OPERATOR)).isTrue();
    assertThat(Role.VIEWER.includes(Role.OPERATOR)).isFalse();
  }
}
