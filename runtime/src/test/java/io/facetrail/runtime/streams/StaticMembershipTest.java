package io.facetrail.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticMembershipTest {
  @TempDir Path dir;

  @Test
  void theSameStateDirectoryGivesTheSameMemberAcrossRestarts() {
    Map<String, Object> first = new HashMap<>();
    StaticMembership.apply(first, "matcher", dir);
    Map<String, Object> again = new HashMap<>();
    StaticMembership.apply(again, "matcher", dir);
    Object id = first.get("main.consumer.group.instance.id");
    assertThat(id).asString().startsWith("matcher-").hasSizeGreaterThan("matcher-".length() + 8);
    assertThat(again.get("main.consumer.group.instance.id")).isEqualTo(id);
    assertThat(first)
        .containsEntry("main.consumer.session.timeout.ms", StaticMembership.SESSION_TIMEOUT_MS)
        .containsEntry(
            "main.consumer.heartbeat.interval.ms", StaticMembership.HEARTBEAT_INTERVAL_MS);
  }

  @Test
  void anotherStateDirectoryIsAnotherMember() {
    Map<String, Object> a = new HashMap<>();
    StaticMembership.apply(a, "matcher", dir.resolve("a"));
    Map<String, Object> b = new HashMap<>();
    StaticMembership.apply(b, "matcher", dir.resolve("b"));
    assertThat(a.get("main.consumer.group.instance.id"))
        .isNotEqualTo(b.get("main.consumer.group.instance.id"));
  }

  @Test
  void theUsersSettingsWin() {
    Map<String, Object> props = new HashMap<>();
    props.put("session.timeout.ms", "30000");
    props.put("consumer.group.instance.id", "mine");
    StaticMembership.apply(props, "matcher", dir);
    assertThat(props)
        .doesNotContainKey("main.consumer.group.instance.id")
        .doesNotContainKey("main.consumer.session.timeout.ms")
        .doesNotContainKey("main.consumer.heartbeat.interval.ms");
  }

  @Test
  void aDamagedIdFileIsReplaced() throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(StaticMembership.ID_FILE), "not an id\u0000");
    String id = StaticMembership.instanceId(dir);
    assertThat(id).matches("[0-9a-f-]{13}");
    assertThat(Files.readString(dir.resolve(StaticMembership.ID_FILE)).strip()).isEqualTo(id);
    assertThat(StaticMembership.instanceId(dir)).isEqualTo(id);
  }
}
