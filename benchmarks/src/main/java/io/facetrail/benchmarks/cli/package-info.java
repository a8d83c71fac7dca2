/** The benchmark module's commands, registered with the {@code facetrail} CLI. */
package io.facetrail.benchmarks.cli;
