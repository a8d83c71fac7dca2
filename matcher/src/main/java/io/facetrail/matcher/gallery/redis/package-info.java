/**
 * The Redis gallery, FaceTrail's source of truth for enrolled persons: key layout, binary code
 * records, Lua scripts that make every mutation (and its change-feed entry) atomic, and the
 * connection settings (TLS, AUTH).
 */
package io.facetrail.matcher.gallery.redis;
