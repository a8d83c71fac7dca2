/**
 * dlib's 68-point shape predictor: a cascade of ensembles of regression trees (Kazemi and Sullivan,
 * 2014) read from dlib's own serialisation ({@code shape_predictor_68_face_landmarks.dat}, shipped
 * by Debian's {@code libdlib-data}), and its inference on grey levels. These are the landmarks dlib
 * aligns its recognition chips with, so chips cut from them match what the embedding network was
 * trained on more closely than chips cut from the landmark network's points.
 */
package io.facetrail.faces.landmark.trees;
