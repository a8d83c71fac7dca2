/** The {@code facetrail embedder} command. */
package io.facetrail.embedder.cli;
