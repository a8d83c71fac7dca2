/** Test helpers of the matcher: track-event builders and a settable clock. */
package io.facetrail.matcher.testing;
