/**
 * The model worker: one thread per device owning its analyzer, with a bounded queue in front that
 * refuses work with a typed error when full, so back pressure reaches Kafka (consumers lag) instead
 * of memory.
 */
package io.facetrail.embedder.worker;
