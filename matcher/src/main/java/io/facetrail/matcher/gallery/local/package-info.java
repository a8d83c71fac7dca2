/**
 * The local gallery: one JSON file per person in a directory, the embedded default of the
 * all-in-one mode. Same contract as the Redis gallery.
 */
package io.facetrail.matcher.gallery.local;
