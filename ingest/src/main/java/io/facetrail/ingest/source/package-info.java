/**
 * What ingest reads: typed source specifications ({@link io.facetrail.ingest.source.SourceSpec}),
 * the kinds of input (files, network streams, capture devices, folders of images), stable stream
 * ids derived from the input, and the reconnect policy of live sources.
 */
package io.facetrail.ingest.source;
