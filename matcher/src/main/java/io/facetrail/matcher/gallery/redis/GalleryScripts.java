package io.facetrail.matcher.gallery.redis;

/**
 * Lua scripts that make each gallery mutation atomic on the server: the data change, the version
 * increment and the change-feed entry happen together or not at all, so a reader can never see a
 * version whose change is missing from the feed.
 */
final class GalleryScripts {
  private GalleryScripts() {}

  /**
   * Writes a person. KEYS: person, codes, persons, version, changes. ARGV: id, feed length, op,
   * must-exist (1/0), replace-codes (1/0), number of person field pairs, the person field pairs,
   * then code id/record pairs. Returns the new version, or -1 when the person must exist and does
   * not.
   */
  static final String UPSERT =
      """
      local id, maxlen, op = ARGV[1], ARGV[2], ARGV[3]
      if ARGV[4] == '1' and redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
      if ARGV[5] == '1' then redis.call('DEL', KEYS[2]) end
      local np = tonumber(ARGV[6])
      local i = 7
      for j = i, i + 2 * np - 1, 2 do redis.call('HSET', KEYS[1], ARGV[j], ARGV[j + 1]) end
      i = i + 2 * np
      for j = i, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[j], ARGV[j + 1]) end
      redis.call('SADD', KEYS[3], id)
      local v = redis.call('INCR', KEYS[4])
      redis.call('XADD', KEYS[5], 'MAXLEN', '~', maxlen, '*', 'v', v, 'person', id, 'op', op)
      return v
      """;

  /**
   * Erases a person and every code in one step. KEYS: person, codes, persons, version, changes.
   * ARGV: id, feed length. Returns 1 when the person existed, else 0.
   *
   * <p>The change feed must not go on naming the person either: their earlier entries are deleted,
   * and the erase entry names nobody. A reader that meets it, or the gap the deleted entries leave,
   * reloads the whole gallery ({@link RedisGallery#changesSince}), which drops the person.
   */
  static final String ERASE =
      """
      local existed = redis.call('SREM', KEYS[3], ARGV[1])
      local deleted = redis.call('DEL', KEYS[1], KEYS[2])
      if existed == 0 and deleted == 0 then return 0 end
      for _, e in ipairs(redis.call('XRANGE', KEYS[5], '-', '+')) do
        local f = e[2]
        for i = 1, #f, 2 do
          if f[i] == 'person' and f[i + 1] == ARGV[1] then redis.call('XDEL', KEYS[5], e[1]) end
        end
      end
      local v = redis.call('INCR', KEYS[4])
      redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[2], '*', 'v', v, 'person', '', 'op', 'erase')
      return 1
      """;

  /**
   * The reader's cursor, read atomically. KEYS: epoch, version, changes. ARGV: a fresh epoch id,
   * set when the server holds none (first use, or data lost in a restart). Returns {epoch, version,
   * last feed entry id or 0-0}.
   */
  static final String CURSOR =
      """
      redis.call('SET', KEYS[1], ARGV[1], 'NX')
      local epoch = redis.call('GET', KEYS[1])
      local v = redis.call('GET', KEYS[2]) or '0'
      local last = redis.call('XREVRANGE', KEYS[3], '+', '-', 'COUNT', 1)
      local id = '0-0'
      if #last > 0 then id = last[1][1] end
      return {epoch, v, id}
      """;
}
