/**
 * The HTTP endpoint every service exposes: Prometheus metrics at {@code /metrics}, liveness at
 * {@code /health/live}, readiness at {@code /health/ready}, and any service API behind a bearer
 * token.
 */
package io.facetrail.runtime.http;
