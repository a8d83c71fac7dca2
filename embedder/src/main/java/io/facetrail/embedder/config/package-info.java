/**
 * The embedder's configuration record and its built-in defaults ({@code embedder-defaults.yaml}).
 */
package io.facetrail.embedder.config;
