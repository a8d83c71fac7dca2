/**
 * Outbound integrations: identity events pushed from the identity topic to integrators, as signed
 * HTTP webhooks and MQTT messages. Not a pipeline stage: it reads what the matcher published and
 * touches no stage's code.
 */
package io.facetrail.outbound;
