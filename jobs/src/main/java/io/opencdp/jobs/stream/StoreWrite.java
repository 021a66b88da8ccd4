package io.opencdp.jobs.stream;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One write the resolver asks of the profile store: index {@code json} as document {@code id} of
 * {@code index} (an alias or a concrete index), or delete it, with {@code version} as its external
 * version (a replay carries the same version and Elasticsearch refuses it as a conflict).
 *
 * @param kind what the document is
 * @param index where it goes: the profiles alias, or an event's monthly index
 * @param id the document id
 * @param version the resolver's sequence number when it was produced
 * @param json the document source; null for a delete
 */
public record StoreWrite(Kind kind, String index, String id, long version, String json)
    implements Serializable {
  /** What a write is. */
  public enum Kind {
    PROFILE,
    EVENT,
    DELETE
  }

  public StoreWrite {
    requireNonNull(kind, "kind is null");
    requireNonNull(index, "index is null");
    requireNonNull(id, "id is null");
    if (version < 1) {
      throw new IllegalArgumentException("version must be positive, got " + version);
    }
    if ((json == null) != (kind == Kind.DELETE)) {
      throw new IllegalArgumentException(kind + " write of " + id + " with json " + json);
    }
  }

  static StoreWrite profile(String index, String id, long version, String json) {
    return new StoreWrite(Kind.PROFILE, index, id, version, requireNonNull(json, "json is null"));
  }

  static StoreWrite event(String index, String id, long version, String json) {
    return new StoreWrite(Kind.EVENT, index, id, version, requireNonNull(json, "json is null"));
  }

  static StoreWrite delete(String index, String id, long version) {
    return new StoreWrite(Kind.DELETE, index, id, version, null);
  }
}
