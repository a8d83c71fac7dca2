/**
 * Shot boundaries: where a stream's view changes (a hard cut, a fade or dissolve, a camera move too
 * abrupt to follow), found from small grey signatures of the decoded frames. Plain Java with no
 * native library and no other FaceTrail module, so that the stage that decodes frames (ingest) and
 * the evaluations can share it without depending on each other.
 */
package io.facetrail.shots;
