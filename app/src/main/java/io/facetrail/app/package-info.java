/** The {@code facetrail} command-line entry point. */
package io.facetrail.app;
