/**
 * Live and recent identity events: one background reader of the identity topic into a bounded
 * in-memory window (filters by camera, person, type and time), one of the tracks topic for each
 * track's best face thumbnail, the Server-Sent Events fan-out with resume tokens, and the sweep
 * that drops what names a person the gallery no longer has.
 */
package io.facetrail.api.events;
