package io.facetrail.embedder.service;

import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.Frame;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.serde.ProtoSerde;
import io.facetrail.contracts.serde.RecordSerdes;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.embedder.analyze.AnalyzedBatch;
import io.facetrail.embedder.analyze.FrameOutcome;
import io.facetrail.embedder.batch.RecordBatcher;
import io.facetrail.embedder.worker.CapacityExceededException;
import io.facetrail.embedder.worker.ModelWorker;
import io.facetrail.embedder.worker.WorkerFailedException;
import io.facetrail.runtime.deadletter.DeadLetterPublisher;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consume-transform-produce loop: polls frames, batches them, has the model worker analyse
 * them, and writes one faces record per frame (or a dead letter) plus the consumed offsets in one
 * Kafka transaction. A crash before the commit leaves nothing visible to read_committed consumers;
 * the frames are processed again by whoever owns the partitions next.
 */
public final class EmbedderLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(EmbedderLoop.class);
  private static final Duration IDLE_POLL = Duration.ofMillis(500);
  private static final Duration CAPACITY_BACKOFF = Duration.ofMillis(20);
  private static final Duration KEEP_ALIVE_POLL = Duration.ofMillis(100);

  private final Consumer<byte[], byte[]> consumer;
  private final Producer<byte[], byte[]> producer;
  private final TopicRegistry topics;
  private final ModelWorker worker;
  private final DeadLetterPublisher deadLetters;
  private final EmbedderMetrics metrics;
  private final RecordBatcher<byte[], byte[]> batcher;
  private final int maxPending;
  private final ProtoSerde<FrameRecord> frameSerde = RecordSerdes.frameRecord();
  private final ProtoSerde<FacesRecord> facesSerde = RecordSerdes.facesRecord();

  /** Partitions taken away while the current batch was being analysed (loop thread only). */
  private final Set<TopicPartition> revokedMidBatch = new HashSet<>();

  private volatile boolean stopping;
  private volatile boolean joined;
  private volatile Throwable failure;

  public EmbedderLoop(
      Consumer<byte[], byte[]> consumer,
      Producer<byte[], byte[]> producer,
      TopicRegistry topics,
      ModelWorker worker,
      DeadLetterPublisher deadLetters,
      EmbedderMetrics metrics,
      int maxBatchFrames,
      Duration maxWait) {
    this.consumer = consumer;
    this.producer = producer;
    this.topics = topics;
    this.worker = worker;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.batcher = new RecordBatcher<>(maxBatchFrames, maxWait.toNanos());
    this.maxPending = 2 * maxBatchFrames;
  }

  /** Asks the loop to finish its current batch and stop. */
  public void stop() {
    stopping = true;
    consumer.wakeup();
  }

  /** Why the loop stopped on its own, or null. */
  public Throwable failure() {
    return failure;
  }

  @Override
  public void run() {
    try {
      producer.initTransactions();
      consumer.subscribe(List.of(topics.frames().name()), new Rebalance());
      while (!stopping) {
        pollOnce();
        if (batcher.ready(System.nanoTime())) {
          process(batcher.take(System.nanoTime()));
        }
      }
    } catch (WakeupException e) {
      if (!stopping) {
        failure = e;
      }
    } catch (WorkerFailedException
        | ProducerFencedException
        | FencedInstanceIdException
        | OutOfOrderSequenceException
        | AuthorizationException e) {
      failure = e;
      log.error("Embedder loop stopped: {}", e.getMessage(), e);
    } catch (RuntimeException e) {
      failure = e;
      log.error("Embedder loop failed unexpectedly", e);
    } finally {
      closeQuietly();
    }
  }

  private void pollOnce() {
    long wait = batcher.nanosUntilDue(System.nanoTime(), IDLE_POLL.toNanos());
    var records = consumer.poll(Duration.ofNanos(Math.max(wait, 1_000_000)));
    batcher.add(records, System.nanoTime());
    // Bound what waits in memory: stop fetching while a full batch and a spare are pending.
    if (batcher.size() >= maxPending && consumer.paused().isEmpty()) {
      consumer.pause(consumer.assignment());
    } else if (batcher.size() < maxPending && !consumer.paused().isEmpty()) {
      consumer.resume(consumer.paused());
    }
  }

  private void process(List<ConsumerRecord<byte[], byte[]>> taken) {
    revokedMidBatch.clear();
    PendingBatch pending = PendingBatch.parse(taken, frameSerde);
    List<Frame> frames = pending.frames();
    if (!frames.isEmpty()) {
      pending = pending.withOutcomes(analyse(frames).outcomes());
    }
    if (!revokedMidBatch.isEmpty()) {
      // The group moved partitions while the models ran. Their records now belong to another
      // member, which reprocesses them from the committed offsets: writing them (or committing
      // their offsets, which the coordinator would accept under this member's new generation)
      // would duplicate faces records.
      PendingBatch kept = pending.without(revokedMidBatch);
      log.info(
          "Partitions {} were reassigned mid-batch: {} of {} records left to their new owner",
          revokedMidBatch,
          pending.size() - kept.size(),
          pending.size());
      pending = kept;
      if (pending.size() == 0) {
        return;
      }
    }
    List<ConsumerRecord<byte[], byte[]>> batch = pending.sources();
    try {
      producer.beginTransaction();
      int analysed = 0;
      int malformed = 0;
      int undecodable = 0;
      int ends = 0;
      for (PendingBatch.Item p : pending.items()) {
        if (p.error() != null) {
          deadLetters.publish(producer, p.source(), p.error());
          malformed++;
        } else if (p.record().hasEndOfStream()) {
          send(
              p.source(),
              FacesRecord.newBuilder().setEndOfStream(p.record().getEndOfStream()).build());
          ends++;
        } else {
          Frame frame = p.record().getFrame();
          FrameOutcome outcome = p.outcome();
          analysed++;
          if (outcome instanceof FrameOutcome.Analyzed a) {
            send(p.source(), BatchOutput.facesOf(frame, a, worker.modelId()));
          } else if (outcome instanceof FrameOutcome.Undecodable u) {
            deadLetters.publish(
                producer,
                p.source(),
                new UndecodableFrameException(
                    frame.getStreamId(), frame.getSequence(), u.reason()));
            undecodable++;
          }
        }
      }
      producer.sendOffsetsToTransaction(nextOffsets(batch), consumer.groupMetadata());
      producer.commitTransaction();
      metrics.transactionCommitted();
      metrics.frames("analyzed", analysed - undecodable);
      metrics.frames("undecodable", undecodable);
      metrics.frames("malformed", malformed);
      metrics.frames("end_of_stream", ends);
    } catch (ProducerFencedException
        | InvalidProducerEpochException
        | FencedInstanceIdException e) {
      throw new ProducerFencedException(
          "this embedder instance was fenced by a newer one: " + e.getMessage());
    } catch (KafkaException e) {
      log.warn("Transaction aborted, the batch will be processed again: {}", e.toString());
      producer.abortTransaction();
      metrics.transactionAborted();
      rewind(batch);
    }
  }

  private AnalyzedBatch analyse(List<Frame> frames) {
    CompletableFuture<AnalyzedBatch> result;
    while (true) {
      try {
        result = worker.submit(frames);
        break;
      } catch (CapacityExceededException e) {
        keepAlive(CAPACITY_BACKOFF);
      }
    }
    // A batch may take longer than max.poll.interval.ms on a slow or busy machine: keep polling
    // (with every partition paused, so nothing new is fetched) so the group does not evict this
    // consumer mid-batch. Partitions a rebalance takes away meanwhile are noted by the listener and
    // their records dropped from the batch's output (see process).
    Set<TopicPartition> paused = new HashSet<>(consumer.assignment());
    paused.removeAll(consumer.paused());
    consumer.pause(paused);
    try {
      while (!result.isDone()) {
        keepAlive(KEEP_ALIVE_POLL);
      }
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkerFailedException("interrupted while waiting for the model worker", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WorkerFailedException wf) {
        throw wf;
      }
      throw new WorkerFailedException("model worker failed: " + e.getCause(), e.getCause());
    } finally {
      paused.retainAll(consumer.assignment());
      consumer.resume(paused);
    }
  }

  /** Polls without taking new work from paused partitions (newly assigned ones may deliver). */
  private void keepAlive(Duration wait) {
    batcher.add(consumer.poll(wait), System.nanoTime());
  }

  private void send(ConsumerRecord<byte[], byte[]> source, FacesRecord record) {
    String topic = topics.faces().name();
    producer.send(
        new ProducerRecord<>(topic, null, source.key(), facesSerde.serialize(topic, record)));
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      List<ConsumerRecord<byte[], byte[]>> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : batch) {
      offsets.merge(
          new TopicPartition(r.topic(), r.partition()),
          new OffsetAndMetadata(r.offset() + 1),
          (a, b) -> a.offset() >= b.offset() ? a : b);
    }
    return offsets;
  }

  /** After an abort: go back to the first record of the batch (and of what was pending). */
  private void rewind(List<ConsumerRecord<byte[], byte[]>> batch) {
    Map<TopicPartition, Long> first = batcher.clear();
    for (ConsumerRecord<byte[], byte[]> r : batch) {
      first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
    }
    first.forEach(
        (tp, offset) -> {
          if (consumer.assignment().contains(tp)) {
            consumer.seek(tp, offset);
          }
        });
  }

  private void closeQuietly() {
    try {
      // A static member (FramesConsumerProperties) stays in the group after an ordinary close
      // until its session expires; a stopped embedder leaves at once, so another one takes its
      // partitions without waiting.
      consumer.close(
          CloseOptions.timeout(Duration.ofSeconds(10))
              .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    } catch (RuntimeException e) {
      log.warn("Closing the frames consumer failed: {}", e.toString());
    }
    try {
      producer.close(Duration.ofSeconds(10));
    } catch (RuntimeException e) {
      log.warn("Closing the faces producer failed: {}", e.toString());
    }
  }

  /**
   * Whether this loop's consumer has joined the group (its first rebalance completed): before that
   * it processes nothing, however warm the model is.
   */
  public boolean joined() {
    return joined;
  }

  /** Drops pending records of partitions handed to another consumer. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      batcher.drop(partitions);
      revokedMidBatch.addAll(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      // Positions come from the committed offsets. Called after every completed rebalance, with
      // an empty collection too (more loops than partitions): the loop is then a member that
      // takes its share.
      joined = true;
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      batcher.drop(partitions);
      revokedMidBatch.addAll(partitions);
    }
  }
}
