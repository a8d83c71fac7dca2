package io.facetrail.app.run;

import io.facetrail.api.cameras.CameraStatus;
import io.facetrail.api.cameras.StreamStatusSource;
import io.facetrail.ingest.engine.StreamHandle;
import io.facetrail.ingest.engine.StreamStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cameras of a run for its console ({@code run --serve}): the status of the run's own ingest
 * streams, read in the process (no HTTP), named as the run names its inputs. Empty until the inputs
 * have started.
 */
final class RunCameras implements StreamStatusSource {
  private volatile Map<String, StreamHandle> handles = Map.of();

  void started(Map<String, StreamHandle> streams) {
    handles = Map.copyOf(streams);
  }

  @Override
  public List<CameraStatus> streams() {
    List<CameraStatus> out = new ArrayList<>();
    handles.forEach(
        (id, h) -> {
          StreamStatus s = h.status();
          out.add(
              CameraStatus.fromIngest(
                  id,
                  CameraStatus.State.ofIngest(s.state().name()),
                  h.spec().displayName(),
                  Math.round(s.decodeFps() * 10) / 10.0,
                  s.lastFrameAge() == null ? null : s.lastFrameAge().toMillis() / 1000.0));
        });
    return out;
  }
}
