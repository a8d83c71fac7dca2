package io.facetrail.matcher.gallery;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of gallery records, shared by the local gallery's files and by export/import, so an
 * export can be read by either store. Codes are base64 strings.
 */
public final class GalleryJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private GalleryJson() {}

  public static JsonMapper mapper() {
    return MAPPER;
  }

  /** One record as a single line of JSON. */
  public static String write(PersonRecord record) {
    return MAPPER.writeValueAsString(record);
  }

  /**
   * Parses one record.
   *
   * @throws IllegalArgumentException naming what is wrong, never echoing the input (it holds codes)
   */
  public static PersonRecord read(String json) {
    try {
      return MAPPER.readValue(json, PersonRecord.class);
    } catch (JacksonException e) {
      // Jackson's own message may quote the offending text, which can be code bytes: say where.
      var at = e.getLocation();
      throw new IllegalArgumentException(
          "not a gallery record ("
              + e.getClass().getSimpleName()
              + (at == null ? "" : " at column " + at.getColumnNr())
              + ")",
          e);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("invalid gallery record: " + e.getMessage(), e);
    }
  }
}
