/**
 * The gallery: enrolled persons and their face codes. {@link io.facetrail.matcher.gallery.Gallery}
 * is the store (Redis as the source of truth, or a local directory in the embedded mode), with a
 * version counter and a change feed that lets every matcher keep its in-memory index current.
 */
package io.facetrail.matcher.gallery;
