package io.facetrail.deploy.metrics;

import io.facetrail.deploy.RepositoryFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads the Grafana dashboards and lists every PromQL query in them. */
public final class Dashboards {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Grafana's {@code label_values(expr, label)} variable query. */
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\((.*),\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$");

  private Dashboards() {}

  /** The dashboard files of the repository. */
  public static List<Path> files() {
    return RepositoryFiles.files(
        RepositoryFiles.dashboards(), p -> p.getFileName().toString().endsWith(".json"));
  }

  public static JsonNode read(Path file) {
    return JSON.readTree(RepositoryFiles.read(file));
  }

  /** Every query of every panel (rows included) and every query variable of {@code file}. */
  public static List<DashboardQuery> queries(Path file) {
    JsonNode root = read(file);
    List<DashboardQuery> out = new ArrayList<>();
    for (JsonNode panel : panels(root)) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asString("");
        if (!expr.isBlank()) {
          out.add(new DashboardQuery(file, panel.path("title").asString("?"), expr));
        }
      }
    }
    for (JsonNode variable : root.path("templating").path("list")) {
      if (!"query".equals(variable.path("type").asString(""))) {
        continue;
      }
      JsonNode q = variable.path("query");
      String query = q.isObject() ? q.path("query").asString("") : q.asString("");
      Matcher m = LABEL_VALUES.matcher(query);
      String expr = m.matches() ? m.group(1) : query;
      out.add(new DashboardQuery(file, "variable " + variable.path("name").asString(), expr));
    }
    return out;
  }

  /** The panels of a dashboard, with the panels nested in collapsed rows. */
  public static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      out.add(panel);
      for (JsonNode inner : panel.path("panels")) {
        out.add(inner);
      }
    }
    return out;
  }
}
