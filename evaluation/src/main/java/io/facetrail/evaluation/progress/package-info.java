/**
 * Progress of the long evaluation and training runs, shown on standard error: standard output
 * carries only their result lines and reports.
 */
package io.facetrail.evaluation.progress;
