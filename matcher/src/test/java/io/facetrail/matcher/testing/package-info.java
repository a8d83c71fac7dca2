/**
 * Test helpers of the matcher: track-event builders, a settable clock, and trained model folders
 * written by hand.
 */
package io.facetrail.matcher.testing;
