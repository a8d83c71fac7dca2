/**
 * Charts of evaluation and training results written as PNG files (JFreeChart): the parts every
 * chart shares, so each chart class says only what it plots.
 */
package io.facetrail.evaluation.chart;
