package io.facetrail.api.cameras;

import java.util.List;

/**
 * Where the status of cameras comes from: ingest services polled over HTTP ({@link
 * IngestStatusPoller}), or the ingest running in the same process ({@code run --serve}). Must
 * answer at once (request threads call it): a source that asks over the network answers from what
 * it last heard.
 */
public interface StreamStatusSource {
  /** The cameras this source knows, events not filled in. */
  List<CameraStatus> streams();
}
