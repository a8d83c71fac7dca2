package io.facetrail.matcher.decision;

/**
 * A decision threshold and the operating point it stands for.
 *
 * @param distance the largest code distance called a match
 * @param falseAcceptRate the per-comparison FAR of {@code distance} (from the calibration table)
 * @param fpir the FPIR per track decision this threshold gives against {@code persons} persons
 *     ({@link OpenSetRule}); NaN when the FAR was fixed by the expert setting. It exceeds the
 *     configured FPIR when the table does not reach the FAR the gallery size needs
 * @param persons the gallery size the threshold was computed for
 */
public record Threshold(double distance, double falseAcceptRate, double fpir, int persons) {}
