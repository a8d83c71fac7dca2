/**
 * Identification quality on LFW: enrol one image per person, query with the others (rank-1), and
 * measure the open-set false-accept rate with the people of folds 6-10 left out of the gallery.
 */
package io.facetrail.matcher.eval;
