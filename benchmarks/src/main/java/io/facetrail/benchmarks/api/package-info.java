/** {@code facetrail bench api}: the HTTP API's identify latency and live event delivery. */
package io.facetrail.benchmarks.api;
