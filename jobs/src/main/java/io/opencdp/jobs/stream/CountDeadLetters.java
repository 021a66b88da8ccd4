package io.opencdp.jobs.stream;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs the dead letters of the side output. They reach Delta {@code dead_letters}
 * through {@code cdp ingest}, which reads the same landing files; the stream only reports them.
 */
final class CountDeadLetters extends RichMapFunction<DeadLetterRef, DeadLetterRef> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(CountDeadLetters.class);

  private transient LongCounter count;

  @Override
  public void open(OpenContext context) {
    count = new LongCounter();
    getRuntimeContext().addAccumulator(StreamCounters.DEAD_LETTERS, count);
  }

  @Override
  public DeadLetterRef map(DeadLetterRef letter) {
    count.add(1);
    getRuntimeContext()
        .getLongCounter(StreamCounters.DEAD_LETTER_REASON + letter.reasonCode())
        .add(1);
    LOG.warn(
        "dead letter {} line {} ({}): {} {}",
        letter.file(),
        letter.line(),
        letter.source(),
        letter.reasonCode(),
        letter.message());
    return letter;
  }
}
