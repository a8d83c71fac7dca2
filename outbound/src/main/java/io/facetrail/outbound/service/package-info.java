/**
 * The outbound service: one consumer of the identity topic fanning each event out to the targets,
 * committing an offset only once every target has finished the events before it; its start, close,
 * health and metrics.
 */
package io.facetrail.outbound.service;
