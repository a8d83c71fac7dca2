package io.facetrail.deploy.metrics;

import java.nio.file.Path;

/**
 * One PromQL query of a dashboard.
 *
 * @param dashboard the dashboard file
 * @param where the panel title (or template variable) holding it
 * @param expr the PromQL as stored
 */
public record DashboardQuery(Path dashboard, String where, String expr) {
  @Override
  public String toString() {
    return dashboard.getFileName() + " / " + where + ": " + expr;
  }
}
