/**
 * Command-line plumbing. Each module contributes its {@code facetrail} subcommands through a {@link
 * io.facetrail.runtime.cli.CommandProvider} registered with {@link java.util.ServiceLoader}, so the
 * CLI module does not need to know every command and modules stay independent.
 */
package io.facetrail.runtime.cli;
