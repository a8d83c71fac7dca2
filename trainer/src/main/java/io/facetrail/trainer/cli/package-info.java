/** The {@code facetrail train ...} commands. */
package io.facetrail.trainer.cli;
