/** The {@code facetrail outbound} command, contributed to the CLI through a command provider. */
package io.facetrail.outbound.cli;
