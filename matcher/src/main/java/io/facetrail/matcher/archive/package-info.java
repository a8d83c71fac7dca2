/**
 * The track archive: what the matcher keeps of every ended track (its aggregate and best frame
 * codes, time range, thumbnail, and the identity decision), in a local folder or in Redis, with
 * retention and erasure by person; searching it by face, and re-deciding its tracks after the
 * gallery changes.
 */
package io.facetrail.matcher.archive;
