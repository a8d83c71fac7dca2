/**
 * Embedding models trained by FaceTrail (the {@code trainer} module) on top of the pretrained v1
 * network: their metadata ({@code model.json}: the id codes carry, the base model, the chip size,
 * the parameter file and which model ids they are comparable with), the trained last residual units
 * and dense layer, and the whole network that runs them on a reduced chip. The embedder, the
 * evaluation and the matcher read trained models from here; the trainer writes them.
 */
package io.facetrail.faces.trained;
