package io.opencdp.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class BulkRetryTest {
  @Test
  void retriesTooManyRequestsAndServerErrorsOnly() {
    assertThat(BulkRetry.retryable(429)).isTrue();
    assertThat(BulkRetry.retryable(503)).isTrue();
    assertThat(BulkRetry.retryable(500)).isTrue();
    assertThat(BulkRetry.retryable(400)).isFalse();
    assertThat(BulkRetry.retryable(404)).isFalse();
    assertThat(BulkRetry.retryable(409)).isFalse();
  }

  @Test
  void retriesRequestsThatGotNoAnswer() {
    assertThat(BulkRetry.retryable(new ConnectException("refused"))).isTrue();
    assertThat(BulkRetry.retryable(new RuntimeException(new IOException("reset")))).isTrue();
    assertThat(BulkRetry.retryable(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void backoffDoublesUpToACap() {
    assertThat(BulkRetry.backoffMillis(500, 1)).isEqualTo(500);
    assertThat(BulkRetry.backoffMillis(500, 2)).isEqualTo(1000);
    assertThat(BulkRetry.backoffMillis(500, 3)).isEqualTo(2000);
    assertThat(BulkRetry.backoffMillis(500, 40)).isEqualTo(30_000);
  }
}
