/**
 * Keeps a matcher's in-memory index in step with the gallery store: an initial load, then the
 * change feed polled in the background, a full resynchronisation when the feed cannot be continued,
 * and retries with back-off while the store is unreachable. Freshness tells the matcher when it may
 * decide.
 */
package io.facetrail.matcher.sync;
