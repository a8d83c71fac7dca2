/**
 * The outbound service's configuration: one record per concern, defaults and documentation in
 * {@code outbound-defaults.yaml}, loaded by the runtime's {@code ConfigLoader}.
 */
package io.facetrail.outbound.config;
