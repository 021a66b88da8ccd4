package io.opencdp.jobs.stream;

import java.util.Map;
import java.util.TreeMap;

/**
 * The names of the job's accumulators: what an operator sees of its progress, and what {@link
 * StreamReport} is read from.
 */
final class StreamCounters {
  static final String FILES = "files";
  static final String KAFKA_RECORDS = "kafka_records";
  static final String EVENTS = "events";
  static final String DEAD_LETTERS = "dead_letters";

  /** The prefix of the per-reason dead letter counters: {@code dead_letters.json_malformed}. */
  static final String DEAD_LETTER_REASON = "dead_letters.";

  static final String REPLAYED = "events_replayed";
  static final String UNPLACED = "events_unplaced";
  static final String PROFILE_WRITES = "profile_writes";
  static final String EVENT_WRITES = "event_writes";
  static final String DELETES = "deletes";

  /** Events of erased people, dropped (docs/privacy.md). */
  static final String SUPPRESSED = "events_suppressed";

  private StreamCounters() {}

  /** The dead letters per reason code. */
  static Map<String, Long> byReason(Map<String, Object> accumulators) {
    Map<String, Long> reasons = new TreeMap<>();
    accumulators.forEach(
        (name, value) -> {
          if (name.startsWith(DEAD_LETTER_REASON) && value instanceof Number n) {
            reasons.put(name.substring(DEAD_LETTER_REASON.length()), n.longValue());
          }
        });
    return reasons;
  }

  /** The counter {@code name} of {@code accumulators}, 0 when it never counted. */
  static long get(Map<String, Object> accumulators, String name) {
    Object value = accumulators.get(name);
    return value instanceof Number n ? n.longValue() : 0;
  }
}
