package io.facetrail.evaluation.identification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** LFW folders of one person under two names ({@code lfw-same-person.txt} on the class path). */
final class LfwAliases {
  private static final String RESOURCE = "lfw-same-person.txt";

  private LfwAliases() {}

  /** Each listed name to the other names of the same person. */
  static Map<String, Set<String>> load() {
    Map<String, Set<String>> out = new HashMap<>();
    try (InputStream in = LfwAliases.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        String[] names = text.split("\\s+");
        for (String a : names) {
          for (String b : names) {
            if (!a.equals(b)) {
              out.computeIfAbsent(a, k -> new HashSet<>()).add(b);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return out;
  }
}
