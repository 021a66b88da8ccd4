package io.opencdp.jobs.stream;

import java.time.Duration;
import java.util.Map;

/**
 * What a run of the streaming job did, from its accumulators.
 *
 * @param files landing files parsed
 * @param kafkaRecords Kafka records parsed (with {@code --kafka})
 * @param events events they held
 * @param deadLetters records that became dead letters
 * @param deadLettersByReason the dead letters per reason code (the batch's codes)
 * @param replayed events skipped because their id was already in state
 * @param unplaced events no identifier or name placed in a profile
 * @param profileWrites profile documents sent to the store
 * @param eventWrites event documents sent to the store
 * @param deletes profile documents deleted (merged or retired ids)
 * @param suppressed events of erased people, dropped (docs/privacy.md)
 * @param restoredFrom the checkpoint the run resumed from, or null
 * @param elapsed how long the run took
 */
public record StreamReport(
    long files,
    long kafkaRecords,
    long events,
    long deadLetters,
    Map<String, Long> deadLettersByReason,
    long replayed,
    long unplaced,
    long profileWrites,
    long eventWrites,
    long deletes,
    long suppressed,
    String restoredFrom,
    Duration elapsed) {
  public StreamReport {
    deadLettersByReason = Map.copyOf(deadLettersByReason);
  }

  static StreamReport of(Map<String, Object> counters, String restoredFrom, Duration elapsed) {
    return new StreamReport(
        StreamCounters.get(counters, StreamCounters.FILES),
        StreamCounters.get(counters, StreamCounters.KAFKA_RECORDS),
        StreamCounters.get(counters, StreamCounters.EVENTS),
        StreamCounters.get(counters, StreamCounters.DEAD_LETTERS),
        StreamCounters.byReason(counters),
        StreamCounters.get(counters, StreamCounters.REPLAYED),
        StreamCounters.get(counters, StreamCounters.UNPLACED),
        StreamCounters.get(counters, StreamCounters.PROFILE_WRITES),
        StreamCounters.get(counters, StreamCounters.EVENT_WRITES),
        StreamCounters.get(counters, StreamCounters.DELETES),
        StreamCounters.get(counters, StreamCounters.SUPPRESSED),
        restoredFrom,
        elapsed);
  }

  /** One line an operator reads. */
  public String progressLine() {
    return String.format(
        java.util.Locale.ROOT,
        "%s, %,d event(s), %,d dead letter(s)%s; %,d profile and %,d event document(s)"
            + " written, %,d deleted%s%s",
        kafkaRecords > 0
            ? String.format(java.util.Locale.ROOT, "%,d Kafka record(s)", kafkaRecords)
            : String.format(java.util.Locale.ROOT, "%,d file(s)", files),
        events,
        deadLetters,
        deadLettersByReason.isEmpty() ? "" : " " + deadLettersByReason,
        profileWrites,
        eventWrites,
        deletes,
        replayed > 0
            ? String.format(java.util.Locale.ROOT, "; %,d replayed event(s) skipped", replayed)
            : "",
        suppressed > 0
            ? String.format(
                java.util.Locale.ROOT, "; %,d event(s) of erased people dropped", suppressed)
            : "");
  }
}
