/**
 * Open-set identification quality on LFW: galleries of a chosen size, searches by single photo or
 * by tracks of k photos folded into the matcher's own aggregate, never-enrolled people as
 * strangers, judged by the matcher's decision policy; reported as a DET and at the operating points
 * the matcher uses for an FPIR.
 */
package io.facetrail.evaluation.identification;
