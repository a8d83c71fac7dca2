/** The API's commands: {@code facetrail serve} and {@code facetrail api-keys}. */
package io.facetrail.api.cli;
