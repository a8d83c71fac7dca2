/**
 * The 128-byte face code: FaceNet's quantised embedding, the form in which faces travel on Kafka
 * and live in the gallery.
 */
package io.facetrail.contracts.code;
