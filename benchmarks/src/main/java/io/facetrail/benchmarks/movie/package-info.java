/** Generated test videos with a known answer (who is on screen when). */
package io.facetrail.benchmarks.movie;
