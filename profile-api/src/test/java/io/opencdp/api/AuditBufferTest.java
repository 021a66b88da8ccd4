package io.opencdp.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.api.store.AuditEntry;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The audit write buffer with a hand-written sink: never blocks, drops when full, retries. */
class AuditBufferTest {
  private static AuditEntry entry() {
    return AuditEntry.create(
        "default", Instant.now(), "k", "agent", "profile_read", "p-1", "GET /x", 200, "r", null);
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfWaiting() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    List<AuditEntry> written = new CopyOnWriteArrayList<>();
    AuditBuffer buffer =
        new AuditBuffer(
            batch -> {
              try {
                release.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              written.addAll(batch);
            },
            3);
    int accepted = 0;
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      if (buffer.offer(entry())) {
        accepted++;
      }
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(buffer.dropped()).isEqualTo(20 - accepted).isPositive();
    release.countDown();
    assertThat(buffer.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(written).hasSize(accepted);
    buffer.close();
    assertThat(buffer.offer(entry())).isFalse();
  }

  @Test
  void aBatchIsRetriedWhileElasticsearchIsUnavailableAndCloseWritesWhatIsQueued() {
    AtomicInteger calls = new AtomicInteger();
    List<AuditEntry> written = new CopyOnWriteArrayList<>();
    AuditBuffer buffer =
        new AuditBuffer(
            batch -> {
              if (calls.incrementAndGet() <= 2) {
                throw new CdpException(ErrorCode.ELASTICSEARCH_UNAVAILABLE, "down");
              }
              written.addAll(batch);
            },
            100);
    for (int i = 0; i < 5; i++) {
      buffer.offer(entry());
    }
    buffer.close();
    assertThat(written).hasSize(5);
    assertThat(buffer.dropped()).isZero();
    assertThat(buffer.written()).isEqualTo(5);
  }
}
