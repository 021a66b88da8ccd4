package io.opencdp.jobs.privacy;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything that names one person to be erased (docs/data-model.md, "Erasure: finding a person's
 * rows"): their profile ids (merged aliases included), their own identifiers ({@code type:value},
 * normalized; shared identifiers excluded, they name others too), the ids of their events, and the
 * raw spellings of their identifiers as the sources sent them.
 *
 * @param profileIds the profiles, aliases and survivors
 * @param identifiers {@code <type>:<normalized value>} of the person's identifiers
 * @param eventIds the person's events (by identifier or by profile)
 * @param rawValues the values as sent (and normalized), for finding raw text that holds them
 * @param recordKeys the natural keys of their events, {@code <source_system>:<source_key>}
 */
record ErasedPerson(
    Set<String> profileIds,
    Set<String> identifiers,
    Set<String> eventIds,
    Set<String> rawValues,
    Set<String> recordKeys)
    implements Serializable {
  ErasedPerson {
    recordKeys = Set.copyOf(requireNonNull(recordKeys, "recordKeys is null"));
    profileIds = Set.copyOf(requireNonNull(profileIds, "profileIds is null"));
    identifiers = Set.copyOf(requireNonNull(identifiers, "identifiers is null"));
    eventIds = Set.copyOf(requireNonNull(eventIds, "eventIds is null"));
    rawValues = Set.copyOf(requireNonNull(rawValues, "rawValues is null"));
  }

  static String key(String type, String value) {
    return type + ":" + value;
  }

  boolean hasIdentifier(String type, String value) {
    return type != null && value != null && identifiers.contains(key(type, value));
  }

  /** The normalized values of the identifiers, without their types. */
  Set<String> identifierValues() {
    Set<String> values = new TreeSet<>();
    for (String key : identifiers) {
      values.add(key.substring(key.indexOf(':') + 1));
    }
    return values;
  }

  /** Every text that names the person in a file: raw and normalized values. */
  Set<String> textValues() {
    Set<String> values = new TreeSet<>(rawValues);
    values.addAll(identifierValues());
    values.removeIf(String::isBlank);
    return values;
  }
}
