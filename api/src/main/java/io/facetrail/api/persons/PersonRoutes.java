package io.facetrail.api.persons;

import io.facetrail.api.access.Role;
import io.facetrail.api.audit.Audit;
import io.facetrail.api.config.LimitSettings;
import io.facetrail.api.photos.PhotoAnalysis;
import io.facetrail.api.photos.UploadBatch;
import io.facetrail.api.photos.UploadedPhoto;
import io.facetrail.api.server.ApiRoutes;
import io.facetrail.api.server.ProblemException;
import io.facetrail.api.server.QueryParams;
import io.facetrail.matcher.enrol.Enroller;
import io.facetrail.matcher.enrol.EnrolmentRules;
import io.facetrail.matcher.enrol.PhotoOutcome;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonNames;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.UnknownPersonException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The persons endpoints. Enrolment goes through the matcher's {@link Enroller} (the rules of {@code
 * gallery enroll}: one face per photo, a quality floor, a photo already enrolled is skipped), so
 * every photo gets its own outcome and one bad photo never stops the others.
 */
public final class PersonRoutes implements ApiRoutes {
  /** The quality floor of enrolment photos, as {@code gallery enroll}'s default. */
  static final double MIN_QUALITY = 0.5;

  private final Gallery gallery;
  private final PhotoAnalysis analysis;
  private final LimitSettings limits;
  private final Audit audit;
  private final Clock clock;

  public PersonRoutes(
      Gallery gallery, PhotoAnalysis analysis, LimitSettings limits, Audit audit, Clock clock) {
    this.gallery = gallery;
    this.analysis = analysis;
    this.limits = limits;
    this.audit = audit;
    this.clock = clock;
  }

  /** The rename request body. */
  public record Rename(String name) {}

  /** The create request body (JSON, without photos). */
  public record Create(String name, Map<String, String> metadata) {}

  @Override
  public void addTo(Javalin app) {
    app.get("/api/v1/persons", this::list, Role.VIEWER);
    app.post("/api/v1/persons", this::create, Role.OPERATOR);
    app.get("/api/v1/persons/{id}", this::show, Role.VIEWER);
    app.patch("/api/v1/persons/{id}", this::rename, Role.OPERATOR);
    app.delete("/api/v1/persons/{id}", this::erase, Role.OPERATOR);
    app.post("/api/v1/persons/{id}/photos", this::addPhotos, Role.OPERATOR);
  }

  private void list(Context ctx) {
    int limit = QueryParams.intParam(ctx, "limit", 100, 1, 1000);
    int offset = QueryParams.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    String q = ctx.queryParam("q");
    String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
    List<PersonRecord> all =
        gallery.snapshot().stream()
            .filter(
                r -> needle == null || r.person().name().toLowerCase(Locale.ROOT).contains(needle))
            .sorted(
                java.util.Comparator.comparing((PersonRecord r) -> r.person().name())
                    .thenComparing(r -> r.person().id()))
            .toList();
    List<Map<String, Object>> page = new ArrayList<>();
    for (PersonRecord r :
        all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))) {
      page.add(PersonJson.summary(r.person(), r.codes().size()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", all.size());
    body.put("offset", offset);
    body.put("persons", page);
    ctx.json(body);
  }

  private void show(Context ctx) {
    PersonRecord r =
        gallery
            .record(ctx.pathParam("id"))
            .orElseThrow(() -> new UnknownPersonException(ctx.pathParam("id")));
    ctx.json(PersonJson.detail(r));
  }

  private void create(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/form-data")) {
      createWithPhotos(ctx);
      return;
    }
    Create body;
    try {
      body = ctx.bodyAsClass(Create.class);
    } catch (RuntimeException e) {
      throw ProblemException.badRequest(
          "the body is {\"name\": \"...\", \"metadata\": {...}} or a multipart form with 'name' and"
              + " 'photos'");
    }
    if (body == null || body.name() == null) {
      throw ProblemException.invalid("a person needs a name", List.of("name: required"));
    }
    Person p = gallery.createPerson(PersonNames.checked(body.name()), body.metadata());
    audit.record(ctx, "person.create", p.id(), "ok", "no photos");
    ctx.status(201).header("Location", "/api/v1/persons/" + p.id()).json(PersonJson.summary(p, 0));
  }

  private void createWithPhotos(Context ctx) {
    String name = ctx.formParam("name");
    if (name == null) {
      throw ProblemException.invalid("a person needs a name", List.of("name: required"));
    }
    PersonNames.checked(name);
    try (UploadBatch batch = UploadBatch.read(ctx, "photos", 1, limits)) {
      Enrolment e = enrol(batch, paths -> enroller().enrolNew(name, paths));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put(
          "person",
          e.result
              .person()
              .map(p -> PersonJson.summary(p, (int) e.result.enrolled()))
              .orElse(null));
      body.put("outcomes", e.outcomes);
      String id = e.result.person().map(Person::id).orElse(null);
      audit.record(ctx, "person.create", id, id == null ? "422" : "ok", e.summary());
      if (id == null) {
        ctx.status(422).json(body);
      } else {
        ctx.status(201).header("Location", "/api/v1/persons/" + id).json(body);
      }
    }
  }

  private void addPhotos(Context ctx) {
    String id = ctx.pathParam("id");
    if (gallery.person(id).isEmpty()) {
      throw new UnknownPersonException(id);
    }
    try (UploadBatch batch = UploadBatch.read(ctx, "photos", 1, limits)) {
      Enrolment e = enrol(batch, paths -> enroller().enrolExisting(id, paths));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put(
          "person",
          gallery
              .record(id)
              .map(r -> PersonJson.summary(r.person(), r.codes().size()))
              .orElse(null));
      body.put("outcomes", e.outcomes);
      audit.record(ctx, "person.photos.add", id, "ok", e.summary());
      ctx.json(body);
    }
  }

  private void rename(Context ctx) {
    String id = ctx.pathParam("id");
    Rename body;
    try {
      body = ctx.bodyAsClass(Rename.class);
    } catch (RuntimeException e) {
      throw ProblemException.badRequest("the body is {\"name\": \"...\"}");
    }
    if (body == null || body.name() == null) {
      throw ProblemException.invalid("a new name is required", List.of("name: required"));
    }
    Person p = gallery.rename(id, PersonNames.checked(body.name()));
    audit.record(ctx, "person.rename", id, "ok", null);
    ctx.json(PersonJson.summary(p, gallery.record(id).map(r -> r.codes().size()).orElse(0)));
  }

  private void erase(Context ctx) {
    String id = ctx.pathParam("id");
    boolean existed = gallery.erase(id);
    audit.record(ctx, "person.erase", id, existed ? "ok" : "404", null);
    if (!existed) {
      throw new UnknownPersonException(id);
    }
    ctx.status(204);
  }

  private Enroller enroller() {
    return new Enroller(analysis.shared(), gallery, new EnrolmentRules(MIN_QUALITY, false), clock);
  }

  /** The outcomes of one upload, in upload order: refused before analysis, or the enroller's. */
  private record Enrolment(Enroller.Result result, List<Map<String, Object>> outcomes) {
    String summary() {
      long enrolled = result.enrolled();
      return outcomes.size() + " photos, " + enrolled + " enrolled";
    }
  }

  private Enrolment enrol(
      UploadBatch batch, java.util.function.Function<List<Path>, Enroller.Result> action) {
    List<Path> paths = new ArrayList<>();
    for (UploadedPhoto p : batch.photos()) {
      if (!p.refused()) {
        paths.add(p.file());
      }
    }
    Enroller.Result result =
        paths.isEmpty()
            ? new Enroller.Result(java.util.Optional.empty(), false, List.of())
            : action.apply(paths);
    Map<Path, PhotoOutcome> byPath = new HashMap<>();
    result.outcomes().forEach(o -> byPath.put(o.photo(), o));
    List<Map<String, Object>> outcomes = new ArrayList<>();
    for (UploadedPhoto p : batch.photos()) {
      outcomes.add(
          p.refused()
              ? PersonJson.refused(p.name(), p.problemKind(), p.problem())
              : PersonJson.outcome(p.name(), byPath.get(p.file())));
    }
    return new Enrolment(result, outcomes);
  }
}
