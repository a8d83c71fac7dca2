package io.facetrail.api.events;

import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Which persons the gallery has now, as the API's gallery index knows them. Events naming anyone
 * else are erased from memory and never served.
 */
public interface PersonDirectory {
  /** The directory answering with these two functions. */
  static PersonDirectory of(BooleanSupplier loaded, Predicate<String> contains) {
    return new PersonDirectory() {
      @Override
      public boolean loaded() {
        return loaded.getAsBoolean();
      }

      @Override
      public boolean contains(String personId) {
        return contains.test(personId);
      }
    };
  }

  /** Whether the gallery has been read at least once (before that nobody can be judged erased). */
  boolean loaded();

  /** Whether the gallery has this person. */
  boolean contains(String personId);

  /**
   * Whether an event may be shown: it names nobody, or the gallery is loaded and has everyone it
   * names (before the first load an event naming somebody is held back, since they may be erased).
   */
  default boolean shows(StoredEvent e) {
    return !e.namesAnyone() || (loaded() && e.personsKnownTo(this));
  }

  /** Whether an event names somebody the loaded gallery no longer has. */
  default boolean erased(StoredEvent e) {
    return e.namesAnyone() && loaded() && !e.personsKnownTo(this);
  }
}
