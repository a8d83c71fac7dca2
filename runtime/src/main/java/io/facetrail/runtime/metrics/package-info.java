/** Micrometer set-up shared by the services: a Prometheus registry with JVM metrics. */
package io.facetrail.runtime.metrics;
