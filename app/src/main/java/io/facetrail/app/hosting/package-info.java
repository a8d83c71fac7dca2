/**
 * Stage services composed by the app: {@code facetrail matcher}, the matcher service that, with
 * {@code tracker.hosted}, also runs the tracker in its Streams application. The matcher and the
 * tracker do not know each other; this package puts the tracker's {@link
 * io.facetrail.runtime.streams.StreamsPart} into the matcher's application.
 */
package io.facetrail.app.hosting;
