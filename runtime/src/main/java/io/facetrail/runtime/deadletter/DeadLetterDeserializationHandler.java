package io.facetrail.runtime.deadletter;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** Sends records Streams cannot deserialise to the stage's dead-letter topic and carries on. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
  private StreamsDeadLetters letters;

  @Override
  public void configure(Map<String, ?> configs) {
    letters = StreamsDeadLetters.from(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    return Response.resume(
        List.of(
            letters.record(context, record.key(), record.value(), record.headers(), exception)));
  }
}
