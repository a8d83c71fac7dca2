package io.facetrail.matcher.gallery.redis;

/**
 * The gallery's key layout under one prefix {@code P}:
 *
 * <ul>
 *   <li>{@code P:persons} set of person ids
 *   <li>{@code P:person:<id>} hash: name, meta (JSON), created, updated (epoch ms)
 *   <li>{@code P:codes:<id>} hash: code id to a binary code record ({@link CodeRecords})
 *   <li>{@code P:version} counter, incremented by every mutation
 *   <li>{@code P:epoch} random id of this lifetime of the data; a reset server loses it, which
 *       tells readers to resynchronise
 *   <li>{@code P:changes} stream: one entry per mutation (v = version, person, op), trimmed to
 *       about {@code feedLength} entries; an erasure deletes the person's entries and adds one that
 *       names nobody
 * </ul>
 */
record RedisKeys(String prefix) {
  String persons() {
    return prefix + ":persons";
  }

  String person(String id) {
    return prefix + ":person:" + id;
  }

  String codes(String id) {
    return prefix + ":codes:" + id;
  }

  String version() {
    return prefix + ":version";
  }

  String epoch() {
    return prefix + ":epoch";
  }

  String changes() {
    return prefix + ":changes";
  }
}
