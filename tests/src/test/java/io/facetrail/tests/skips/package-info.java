/**
 * The rule that every test skip goes through {@code io.facetrail.runtime.testing.Skips}, so that
 * under CI no test can skip silently.
 */
package io.facetrail.tests.skips;
