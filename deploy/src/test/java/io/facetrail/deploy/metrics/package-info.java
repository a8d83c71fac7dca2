/**
 * The dashboards against the services' real metrics: Prometheus exposition parsing, metric
 * selectors extracted from PromQL, and the in-process services that are scraped.
 */
package io.facetrail.deploy.metrics;
