package io.facetrail.app.index;

/**
 * The settings a timeline was made with. A different frame rate or false-accept rate makes a
 * different timeline, so a video indexed with other settings is indexed again.
 *
 * @param fps frames analysed per second of video
 * @param falseAcceptRate the false-accept rate identity decisions were calibrated for
 */
public record IndexedWith(double fps, double falseAcceptRate) {}
