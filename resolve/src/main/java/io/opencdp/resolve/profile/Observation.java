package io.opencdp.resolve.profile;

/**
 * One event's value of one attribute.
 *
 * @param value the value as the event carried it
 * @param key the comparison form: values with one key count as one (case, spacing)
 * @param provenance the event
 * @param sourceRank the event's position in the attribute's source priority; lower is more trusted
 */
record Observation<V>(V value, String key, Provenance provenance, int sourceRank) {}
