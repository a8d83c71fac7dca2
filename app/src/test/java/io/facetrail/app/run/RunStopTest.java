package io.facetrail.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunStopTest {
  @Test
  void actionsRunOnceOnRequestAndAtOnceWhenRegisteredAfterIt() {
    RunStop stop = new RunStop();
    AtomicInteger before = new AtomicInteger();
    stop.onRequest(before::incrementAndGet);
    assertThat(stop.requested()).isFalse();
    stop.request();
    stop.request();
    assertThat(stop.requested()).isTrue();
    assertThat(before).hasValue(1);
    AtomicInteger after = new AtomicInteger();
    stop.onRequest(after::incrementAndGet);
    assertThat(after).hasValue(1);
  }

  @Test
  void theHookWaitsForTheRunToFinish() throws Exception {
    RunStop stop = new RunStop();
    Thread hook = new Thread(() -> stop.requestAndAwait(Duration.ofSeconds(10)));
    hook.start();
    hook.join(200);
    assertThat(hook.isAlive()).as("waiting for the summary").isTrue();
    stop.finished();
    hook.join(2_000);
    assertThat(hook.isAlive()).isFalse();
    assertThat(stop.requested()).isTrue();
  }
}
