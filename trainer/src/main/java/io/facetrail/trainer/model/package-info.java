/**
 * Metadata of trained embedding models ({@code model.json}): the model id codes carry, the base
 * model, the chip size, the parameter file, and which model ids its embeddings are comparable with.
 */
package io.facetrail.trainer.model;
