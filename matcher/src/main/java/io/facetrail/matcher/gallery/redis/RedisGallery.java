package io.facetrail.matcher.gallery.redis;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryChanges;
import io.facetrail.matcher.gallery.GalleryUnavailableException;
import io.facetrail.matcher.gallery.ImportCheck;
import io.facetrail.matcher.gallery.ImportProblem;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonNames;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.gallery.UnknownPersonException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gallery in Redis, the source of truth of a deployment. Key layout in {@link RedisKeys}; every
 * mutation is one Lua script ({@link GalleryScripts}), so erasure removes a person's record and
 * codes atomically and the change feed never misses a version.
 */
public final class RedisGallery implements Gallery {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> META = new TypeReference<>() {};
  private static final int BATCH = 500;
  private static final int FEED_READ = 10_000;

  private final RedisClient client;
  private final RedisSettings settings;
  private final RedisKeys keys;
  private final Clock clock;

  private RedisGallery(RedisClient client, RedisSettings settings, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.keys = new RedisKeys(settings.keyPrefix());
    this.clock = clock;
  }

  /** Connects (lazily: the first command opens the connection) with TLS and AUTH as configured. */
  public static RedisGallery connect(RedisSettings settings, Clock clock) {
    RedisClient client = settings.openClient("facetrail-gallery");
    return new RedisGallery(client, settings, clock);
  }

  @Override
  public Person createPerson(String name, Map<String, String> metadata) {
    PersonNames.checked(name);
    Instant now = clock.instant();
    Person p = new Person(UUID.randomUUID().toString(), name, metadata, now, now);
    upsert("create", false, false, new PersonRecord(p, List.of()), true);
    return p;
  }

  @Override
  public void addCodes(String personId, List<StoredCode> codes) {
    Person touched =
        person(personId)
            .orElseThrow(() -> new UnknownPersonException(personId))
            .touched(clock.instant());
    if (upsert("codes", true, false, new PersonRecord(touched, codes), false) < 0) {
      throw new UnknownPersonException(personId);
    }
  }

  @Override
  public Person rename(String personId, String newName) {
    PersonNames.checked(newName);
    Person renamed =
        person(personId)
            .orElseThrow(() -> new UnknownPersonException(personId))
            .renamed(newName, clock.instant());
    if (upsert("rename", true, false, new PersonRecord(renamed, List.of()), true) < 0) {
      throw new UnknownPersonException(personId);
    }
    return renamed;
  }

  @Override
  public boolean erase(String personId) {
    Object r =
        call(
            () ->
                client.eval(
                    GalleryScripts.ERASE,
                    List.of(
                        keys.person(personId),
                        keys.codes(personId),
                        keys.persons(),
                        keys.version(),
                        keys.changes()),
                    List.of(personId, Integer.toString(settings.feedLength()))));
    return ((Long) r) == 1L;
  }

  @Override
  public List<ImportProblem> importProblems(List<PersonRecord> records) {
    // Any string is a Redis key: the rules every gallery has are this store's.
    return ImportCheck.problems(records, id -> Optional.empty());
  }

  /**
   * Imports records with pipelined scripts (also bulk loading, benchmarks), after checking them all
   * ({@link #importProblems}).
   */
  @Override
  public void importPersons(List<PersonRecord> records) {
    ImportCheck.require(records, id -> Optional.empty());
    call(
        () -> {
          for (int from = 0; from < records.size(); from += BATCH) {
            try (AbstractPipeline p = client.pipelined()) {
              for (PersonRecord r : records.subList(from, Math.min(records.size(), from + BATCH))) {
                Script s = upsertScript("import", false, true, r, true);
                p.eval(GalleryScripts.UPSERT.getBytes(StandardCharsets.UTF_8), s.keys, s.args);
              }
              p.sync();
            }
          }
          return null;
        });
  }

  private long upsert(
      String op, boolean mustExist, boolean replaceCodes, PersonRecord r, boolean writePerson) {
    Script s = upsertScript(op, mustExist, replaceCodes, r, writePerson);
    Object v =
        call(
            () ->
                client.eval(
                    GalleryScripts.UPSERT.getBytes(StandardCharsets.UTF_8), s.keys, s.args));
    return (Long) v;
  }

  private record Script(List<byte[]> keys, List<byte[]> args) {}

  private Script upsertScript(
      String op, boolean mustExist, boolean replaceCodes, PersonRecord r, boolean writePerson) {
    Person p = r.person();
    List<byte[]> k =
        List.of(
            bytes(keys.person(p.id())),
            bytes(keys.codes(p.id())),
            bytes(keys.persons()),
            bytes(keys.version()),
            bytes(keys.changes()));
    List<byte[]> a = new ArrayList<>();
    a.add(bytes(p.id()));
    a.add(bytes(Integer.toString(settings.feedLength())));
    a.add(bytes(op));
    a.add(bytes(mustExist ? "1" : "0"));
    a.add(bytes(replaceCodes ? "1" : "0"));
    // Adding codes still moves 'updated', so the person hash is always written.
    a.add(bytes(writePerson ? "4" : "1"));
    if (writePerson) {
      a.add(bytes("name"));
      a.add(bytes(p.name()));
      a.add(bytes("meta"));
      a.add(bytes(JSON.writeValueAsString(p.metadata())));
      a.add(bytes("created"));
      a.add(bytes(Long.toString(p.createdAt().toEpochMilli())));
    }
    a.add(bytes("updated"));
    a.add(bytes(Long.toString(p.updatedAt().toEpochMilli())));
    for (StoredCode c : r.codes()) {
      a.add(bytes(c.codeId()));
      a.add(CodeRecords.encode(c));
    }
    return new Script(k, a);
  }

  @Override
  public Optional<Person> person(String personId) {
    Map<String, String> h = call(() -> client.hgetAll(keys.person(personId)));
    return personOf(personId, h);
  }

  @Override
  public Optional<PersonRecord> record(String personId) {
    List<PersonRecord> r = load(List.of(personId));
    return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
  }

  @Override
  public List<Person> persons() {
    return load(new ArrayList<>(call(() -> client.smembers(keys.persons())))).stream()
        .map(PersonRecord::person)
        .sorted(Comparator.comparing(Person::name).thenComparing(Person::id))
        .toList();
  }

  @Override
  public List<PersonRecord> snapshot() {
    return load(new ArrayList<>(call(() -> client.smembers(keys.persons()))));
  }

  /** Loads persons with their codes in pipelined batches; ids no longer present are skipped. */
  public List<PersonRecord> load(List<String> ids) {
    return call(
        () -> {
          List<PersonRecord> out = new ArrayList<>(ids.size());
          for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            List<Response<Map<String, String>>> persons = new ArrayList<>(batch.size());
            List<Response<Map<byte[], byte[]>>> codes = new ArrayList<>(batch.size());
            try (AbstractPipeline p = client.pipelined()) {
              for (String id : batch) {
                persons.add(p.hgetAll(keys.person(id)));
                codes.add(p.hgetAll(bytes(keys.codes(id))));
              }
              p.sync();
            }
            for (int i = 0; i < batch.size(); i++) {
              String id = batch.get(i);
              Optional<Person> person = personOf(id, persons.get(i).get());
              if (person.isEmpty()) {
                continue;
              }
              List<StoredCode> list = new ArrayList<>();
              for (var e : codes.get(i).get().entrySet()) {
                list.add(
                    CodeRecords.decode(
                        new String(e.getKey(), StandardCharsets.UTF_8), e.getValue()));
              }
              list.sort(
                  Comparator.comparing(StoredCode::addedAt).thenComparing(StoredCode::codeId));
              out.add(new PersonRecord(person.get(), list));
            }
          }
          return out;
        });
  }

  @Override
  public GalleryChanges.Cursor cursor() {
    Object r =
        call(
            () ->
                client.eval(
                    GalleryScripts.CURSOR,
                    List.of(keys.epoch(), keys.version(), keys.changes()),
                    List.of(UUID.randomUUID().toString())));
    List<?> parts = (List<?>) r;
    return new GalleryChanges.Cursor(
        String.valueOf(parts.get(0)),
        Long.parseLong(String.valueOf(parts.get(1))),
        String.valueOf(parts.get(2)));
  }

  @Override
  public GalleryChanges changesSince(GalleryChanges.Cursor from) {
    GalleryChanges.Cursor now = cursor();
    if (!now.epoch().equals(from.epoch()) || now.version() < from.version()) {
      return new GalleryChanges(now, Set.of(), true);
    }
    if (now.version() == from.version()) {
      return new GalleryChanges(from, Set.of(), false);
    }
    List<StreamEntry> entries =
        call(() -> client.xrange(keys.changes(), "(" + from.feedPosition(), "+", FEED_READ));
    Set<String> changed = new HashSet<>();
    long expected = from.version() + 1;
    GalleryChanges.Cursor cursor = from;
    for (StreamEntry e : entries) {
      long v = Long.parseLong(e.getFields().get("v"));
      if (v != expected) {
        // Entries were trimmed away (the reader was too far behind): only a full reload is safe.
        return new GalleryChanges(now, Set.of(), true);
      }
      expected++;
      String person = e.getFields().get("person");
      if (person == null || person.isEmpty()) {
        // An erasure, which names nobody (GalleryScripts.ERASE): only a full reload drops them.
        return new GalleryChanges(now, Set.of(), true);
      }
      changed.add(person);
      cursor = new GalleryChanges.Cursor(from.epoch(), v, e.getID().toString());
    }
    if (entries.isEmpty()) {
      return new GalleryChanges(now, Set.of(), true);
    }
    return new GalleryChanges(cursor, changed, false);
  }

  @Override
  public String describe() {
    return "Redis " + settings.describe();
  }

  /** Deletes every key of this gallery's prefix (tests and benchmarks only). */
  public void deleteAll() {
    call(
        () -> {
          for (String id : client.smembers(keys.persons())) {
            client.del(keys.person(id), keys.codes(id));
          }
          client.del(keys.persons(), keys.version(), keys.epoch(), keys.changes());
          return null;
        });
  }

  @Override
  public void close() {
    client.close();
  }

  private Optional<Person> personOf(String id, Map<String, String> h) {
    if (h == null || h.isEmpty() || !h.containsKey("name")) {
      return Optional.empty();
    }
    Map<String, String> meta = JSON.readValue(h.getOrDefault("meta", "{}"), META);
    return Optional.of(
        new Person(
            id,
            h.get("name"),
            meta,
            Instant.ofEpochMilli(Long.parseLong(h.get("created"))),
            Instant.ofEpochMilli(Long.parseLong(h.get("updated")))));
  }

  private <T> T call(Supplier<T> command) {
    try {
      return command.get();
    } catch (JedisException e) {
      throw new GalleryUnavailableException(RedisFailures.explain(describe(), settings, e), e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
