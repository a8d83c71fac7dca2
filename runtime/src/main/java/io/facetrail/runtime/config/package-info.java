/**
 * Typed configuration: one immutable record per service, loaded from built-in defaults, a YAML or
 * properties file and {@code FACETRAIL_*} environment variables, checked completely at start-up so
 * that every problem is reported at once.
 */
package io.facetrail.runtime.config;
