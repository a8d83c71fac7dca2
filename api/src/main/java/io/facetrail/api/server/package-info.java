/**
 * The HTTP server: Javalin on Jetty, the routes of every package, errors as RFC 9457 problem
 * details, the OpenAPI document, health and metrics.
 */
package io.facetrail.api.server;
