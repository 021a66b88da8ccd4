package io.opencdp.ingest.collector;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messageIds one source accepted recently, so a client's retry is answered 200 without landing
 * twice. Bounded two ways: an id is forgotten once it is older than the window, and beyond {@code
 * maxIds} the oldest ids are forgotten first. An id is held as 128 bits of its SHA-256 (about 100
 * bytes of heap with the map entry); two different ids colliding is beyond any realistic volume
 * (about 1e-27 for a million ids). Beyond the window, ingest's merge on messageId is the backstop.
 *
 * <p>Not thread-safe: the {@link LandingWriter} lock guards it.
 */
final class DedupIndex {
  private record Key(long high, long low) {}

  private final LinkedHashMap<Key, Long> seen = new LinkedHashMap<>();
  private final int maxIds;
  private final long windowMillis;
  private final MessageDigest sha256;

  DedupIndex(int maxIds, Duration window) {
    if (maxIds < 1) {
      throw new IllegalArgumentException("maxIds must be 1 or more, got " + maxIds);
    }
    this.maxIds = maxIds;
    this.windowMillis = window.toMillis();
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Whether {@code messageId} was accepted within the window before {@code now}. */
  boolean contains(String messageId, Instant now) {
    expire(now);
    return seen.containsKey(key(messageId));
  }

  /** Remembers {@code messageId} as accepted at {@code at}; ids should come in time order. */
  void add(String messageId, Instant at) {
    seen.putIfAbsent(key(messageId), at.toEpochMilli());
    if (seen.size() > maxIds) {
      Iterator<Key> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  int size() {
    return seen.size();
  }

  private void expire(Instant now) {
    long cutoff = now.toEpochMilli() - windowMillis;
    Iterator<Map.Entry<Key, Long>> entries = seen.entrySet().iterator();
    while (entries.hasNext() && entries.next().getValue() < cutoff) {
      entries.remove();
    }
  }

  private Key key(String messageId) {
    ByteBuffer digest = ByteBuffer.wrap(sha256.digest(messageId.getBytes(UTF_8)));
    return new Key(digest.getLong(), digest.getLong());
  }
}
