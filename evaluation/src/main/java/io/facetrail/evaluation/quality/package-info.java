/**
 * {@code facetrail eval quality}: genuine acceptance and false accepts at the decision threshold on
 * LFW pairs with one photo degraded (smaller, blurred, dimmed, or as posed), bucketed by what the
 * face library measures on the degraded face; the fit half of the identities writes the quality
 * gate's table ({@link io.facetrail.faces.quality.GateTable}), the other half reports it.
 */
package io.facetrail.evaluation.quality;
