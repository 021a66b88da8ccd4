package io.opencdp.resolve.eval;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;

/**
 * Groups one true person's records by the usable identifiers they share, directly or through other
 * records (union-find): two records are in one group when a chain of records, each sharing a usable
 * identifier with the next, connects them. These groups define the pairs a deterministic resolver
 * must merge (the recall gate); a record with no usable identifier is in no group.
 *
 * <p>Not thread-safe; one instance per person.
 */
public final class UsableIdentifierGroups {
  private final Map<String, String> parent = new HashMap<>();
  private final Map<String, String> recordOfIdentifier = new HashMap<>();

  /** Records that {@code recordId} carries the usable identifier {@code identifierKey}. */
  public void add(String recordId, String identifierKey) {
    requireNonNull(recordId, "recordId is null");
    requireNonNull(identifierKey, "identifierKey is null");
    parent.putIfAbsent(recordId, recordId);
    String other = recordOfIdentifier.putIfAbsent(identifierKey, recordId);
    if (other != null) {
      union(recordId, other);
    }
  }

  /** Record id to its group key: the smallest record id of its group, so keys are deterministic. */
  public Map<String, String> groups() {
    Map<String, String> smallest = new HashMap<>();
    for (String record : parent.keySet()) {
      smallest.merge(find(record), record, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    Map<String, String> out = new HashMap<>();
    for (String record : parent.keySet()) {
      out.put(record, smallest.get(find(record)));
    }
    return out;
  }

  private String find(String record) {
    String root = record;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    // path compression
    String r = record;
    while (!r.equals(root)) {
      String next = parent.get(r);
      parent.put(r, root);
      r = next;
    }
    return root;
  }

  private void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    if (!ra.equals(rb)) {
      parent.put(ra, rb);
    }
  }
}
