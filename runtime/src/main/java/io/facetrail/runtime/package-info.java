/**
 * What every FaceTrail service shares: typed configuration ({@code config}), the in-process Kafka
 * broker and Kafka client settings ({@code kafka}), the metrics and health endpoint ({@code http}),
 * dead-letter publishing ({@code deadletter}) and the command-line plumbing ({@code cli}).
 */
package io.facetrail.runtime;
