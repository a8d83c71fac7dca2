/** The evaluation module's commands, registered with the {@code facetrail} CLI. */
package io.facetrail.evaluation.cli;
