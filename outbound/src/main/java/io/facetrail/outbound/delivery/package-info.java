/**
 * What every target shares: a delivery of one identity-topic record to several targets, the
 * progress of each partition (which offsets may be committed), back-off between attempts, and the
 * delivery metrics.
 */
package io.facetrail.outbound.delivery;
