/**
 * Enrolment from photos and the photo tools (verify, search): a small interface to the face-model
 * library ("photo in, faces with codes and quality out") and the rules that accept or refuse each
 * photo with a reason.
 */
package io.facetrail.matcher.enrol;
