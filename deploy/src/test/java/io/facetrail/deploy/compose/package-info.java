/** The Compose stack checked against the Compose JSON Schema and against the other files. */
package io.facetrail.deploy.compose;
