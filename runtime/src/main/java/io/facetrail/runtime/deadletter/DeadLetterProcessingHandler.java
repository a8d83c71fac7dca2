package io.facetrail.runtime.deadletter;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends the source record of a failed processing step (its original bytes) to the stage's
 * dead-letter topic and carries on: one bad record must not stop a stream.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
  private StreamsDeadLetters letters;

  @Override
  public void configure(Map<String, ?> configs) {
    letters = StreamsDeadLetters.from(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    return Response.resume(
        List.of(
            letters.record(
                context,
                context.sourceRawKey(),
                context.sourceRawValue(),
                context.headers(),
                exception)));
  }
}
