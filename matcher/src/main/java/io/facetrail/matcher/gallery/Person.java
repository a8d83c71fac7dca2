package io.facetrail.matcher.gallery;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An enrolled person.
 *
 * @param id stable identifier (never reused, also after erasure)
 * @param name display name, shown in identity events
 * @param metadata free-form operator attributes (department, badge number)
 * @param createdAt when the person was enrolled
 * @param updatedAt when the record or its codes last changed
 */
public record Person(
    String id, String name, Map<String, String> metadata, Instant createdAt, Instant updatedAt) {
  public Person {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** This person under a new name, updated at {@code now}. */
  public Person renamed(String newName, Instant now) {
    return new Person(id, newName, metadata, createdAt, now);
  }

  /** This person with {@code updatedAt} moved to {@code now}. */
  public Person touched(Instant now) {
    return new Person(id, name, metadata, createdAt, now);
  }
}
