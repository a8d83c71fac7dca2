/**
 * The matcher's {@code facetrail} commands: {@code matcher}, {@code gallery ...}, {@code verify}
 * and {@code bench gallery}, contributed through {@link io.facetrail.runtime.cli.CommandProvider}.
 */
package io.facetrail.matcher.cli;
