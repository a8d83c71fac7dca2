package io.facetrail.embedder.worker;

import io.facetrail.contracts.proto.Frame;
import io.facetrail.embedder.analyze.AnalyzedBatch;
import io.facetrail.embedder.analyze.FrameAnalyzer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one device's analyzer on one thread. Callers submit batches and get a future; a full queue
 * is refused with {@link CapacityExceededException}. A model failure is retried with back-off; when
 * the retries are spent the worker fails for good and says so loudly: every pending and later batch
 * fails with {@link WorkerFailedException}.
 */
public final class ModelWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ModelWorker.class);

  private record Job(List<Frame> frames, CompletableFuture<AnalyzedBatch> result) {}

  private final String name;
  private final FrameAnalyzer analyzer;
  private final BlockingQueue<Job> queue;
  private final int capacity;
  private final int attempts;
  private final Duration backoff;
  private final WorkerObserver observer;
  private final Thread thread;
  private final CountDownLatch warm = new CountDownLatch(1);
  private volatile WorkerFailedException failure;
  private volatile boolean closing;

  /**
   * @param capacity batches that may wait in front of the worker
   * @param attempts tries per batch before the worker gives up
   * @param backoff pause before the first retry (doubled each time)
   */
  public ModelWorker(
      String name,
      FrameAnalyzer analyzer,
      int capacity,
      int attempts,
      Duration backoff,
      WorkerObserver observer) {
    this.name = name;
    this.analyzer = analyzer;
    this.capacity = capacity;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.attempts = attempts;
    this.backoff = backoff;
    this.observer = observer;
    this.thread = new Thread(this::run, "model-worker-" + name);
    this.thread.setDaemon(true);
  }

  /** Starts the thread; the worker warms its models up before taking work. */
  public ModelWorker start() {
    thread.start();
    return this;
  }

  /** Whether warm-up has finished (the service is not ready before). */
  public boolean isWarm() {
    return warm.getCount() == 0 && failure == null;
  }

  /** Waits for warm-up to finish. */
  public boolean awaitWarm(Duration timeout) throws InterruptedException {
    return warm.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && failure == null;
  }

  /** The failure that stopped this worker, or null while it works. */
  public WorkerFailedException failure() {
    return failure;
  }

  /**
   * Queues a batch.
   *
   * @throws CapacityExceededException when the queue is full
   * @throws WorkerFailedException when the worker has failed for good
   */
  public CompletableFuture<AnalyzedBatch> submit(List<Frame> frames) {
    WorkerFailedException failed = failure;
    if (failed != null) {
      throw failed;
    }
    CompletableFuture<AnalyzedBatch> result = new CompletableFuture<>();
    if (!queue.offer(new Job(List.copyOf(frames), result))) {
      throw new CapacityExceededException(name, capacity);
    }
    observer.queueDepth(queue.size());
    return result;
  }

  public int queueDepth() {
    return queue.size();
  }

  public String modelId() {
    return analyzer.modelId();
  }

  private void run() {
    try {
      long t0 = System.nanoTime();
      analyzer.warmUp();
      log.info("Model worker {} warmed up in {} ms", name, (System.nanoTime() - t0) / 1_000_000);
    } catch (RuntimeException e) {
      fail(
          new WorkerFailedException(
              "model worker " + name + " failed to warm up: " + e.getMessage(), e));
    } finally {
      warm.countDown();
    }
    while (failure == null && !closing) {
      Job job;
      try {
        job = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (job != null) {
        observer.queueDepth(queue.size());
        process(job);
      }
    }
    drain();
  }

  private void process(Job job) {
    Duration pause = backoff;
    for (int attempt = 1; ; attempt++) {
      long t0 = System.nanoTime();
      try {
        AnalyzedBatch batch = analyzer.analyze(job.frames());
        if (batch.outcomes().size() != job.frames().size()) {
          throw new IllegalStateException(
              "analyzer returned "
                  + batch.outcomes().size()
                  + " outcomes for "
                  + job.frames().size()
                  + " frames");
        }
        observer.batchDone(job.frames().size(), System.nanoTime() - t0, batch);
        job.result().complete(batch);
        return;
      } catch (RuntimeException e) {
        observer.modelFailure();
        if (attempt >= attempts || closing) {
          WorkerFailedException failed =
              new WorkerFailedException(
                  "model worker "
                      + name
                      + " failed "
                      + attempt
                      + " times in a row, last: "
                      + e.getMessage(),
                  e);
          // Record the failure before anyone waiting on the batch can observe it.
          fail(failed);
          job.result().completeExceptionally(failed);
          return;
        }
        log.warn(
            "Model worker {} failed on a batch (attempt {} of {}), retrying in {} ms: {}",
            name,
            attempt,
            attempts,
            pause.toMillis(),
            e.toString());
        if (!sleep(pause)) {
          job.result().completeExceptionally(new WorkerFailedException("interrupted", e));
          return;
        }
        pause = pause.multipliedBy(2);
      }
    }
  }

  private void fail(WorkerFailedException e) {
    failure = e;
    log.error("Model worker {} stopped: {}", name, e.getMessage(), e);
    observer.failed();
  }

  private void drain() {
    RuntimeException reason =
        failure != null
            ? failure
            : new WorkerFailedException("model worker " + name + " closed", null);
    for (Job job; (job = queue.poll()) != null; ) {
      job.result().completeExceptionally(reason);
    }
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    closing = true;
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    analyzer.close();
  }
}
