package io.facetrail.api.persons;

import io.facetrail.matcher.enrol.PhotoOutcome;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Persons, their photos and enrolment outcomes as response bodies (never their codes). */
final class PersonJson {
  private static final Pattern HASH = Pattern.compile(" sha256:[0-9a-f]{64}$");

  private PersonJson() {}

  static Map<String, Object> summary(Person p, int photos) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("name", p.name());
    m.put("metadata", p.metadata());
    m.put("photos", photos);
    m.put("createdAt", p.createdAt().toString());
    m.put("updatedAt", p.updatedAt().toString());
    return m;
  }

  static Map<String, Object> detail(PersonRecord r) {
    Map<String, Object> m = summary(r.person(), r.codes().size());
    List<Map<String, Object>> photos = new ArrayList<>();
    for (StoredCode c : r.codes()) {
      Map<String, Object> photo = new LinkedHashMap<>();
      photo.put("id", c.codeId());
      photo.put("source", HASH.matcher(c.source()).replaceFirst(""));
      photo.put("modelId", c.modelId());
      photo.put("addedAt", c.addedAt().toString());
      photos.add(photo);
    }
    m.put("photoList", photos);
    return m;
  }

  static Map<String, Object> outcome(String name, PhotoOutcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("photo", name);
    m.put("result", o.result().name().toLowerCase(Locale.ROOT));
    m.put("detail", o.detail());
    return m;
  }

  static Map<String, Object> refused(String name, String kind, String detail) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("photo", name);
    m.put("result", kind);
    m.put("detail", detail);
    return m;
  }
}
