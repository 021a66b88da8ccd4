package io.opencdp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.normalize.PhoneNormalizer;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The suppression list as the export job and the CLI use it, against a real node. */
@ExtendWith(ElasticsearchExtension.class)
class SuppressionListTest {
  private static final StoreIndices INDICES = new StoreIndices("supprlist");
  private static EsConnection es;

  @BeforeAll
  static void open(EsTestCluster cluster) throws IOException {
    es = EsConnection.open(cluster.url(), 30_000);
    es.client().indices().delete(d -> d.index(INDICES.suppressionsIndex()).ignoreUnavailable(true));
  }

  @AfterAll
  static void close() {
    es.close();
  }

  private static SuppressionList list(StoreIndices indices) {
    return new SuppressionList(
        es.client(),
        indices,
        new IdentifierValues(new PhoneNormalizer("US")),
        Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void keyIsSha256OfTypeColonValue() {
    // printf '%s' 'email:ann@example.com' | sha256sum
    assertThat(SuppressionList.key("email", "ann@example.com"))
        .isEqualTo(ApiSuppressionsTest.ANN_KEY);
    assertThat(list(INDICES).keyOf("email", " Ann@Example.com"))
        .isEqualTo(ApiSuppressionsTest.ANN_KEY);
    assertThat(list(INDICES).keyOf("phone", "555-010-0001"))
        .isEqualTo(ApiSuppressionsTest.PHONE_KEY);
  }

  @Test
  void listThatWasNeverWrittenSuppressesNothing() {
    SuppressionList none = list(new StoreIndices("supprnone"));
    assertThat(none.suppressedKeys(List.of(ApiSuppressionsTest.ANN_KEY))).isEmpty();
    assertThat(none.anySuppressed(Map.of("email", List.of("ann@example.com")))).isFalse();
    assertThat(none.remove("email", "ann@example.com")).isFalse();
    assertThat(none.list(10, null).entries()).isEmpty();
  }

  @Test
  void suppressedKeysFindsTheSuppressedAmongManyInBatches() {
    SuppressionList list = list(INDICES);
    assertThat(list.add("email", "bob@example.com", "erasure", "cli", "ops").created()).isTrue();
    assertThat(list.add("customer_id", " C-7 ", "manual", null, "ops").created()).isTrue();
    assertThat(list.add("email", "BOB@example.com", "manual", null, "ops").created()).isFalse();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < SuppressionList.BATCH + 500; i++) {
      keys.add(SuppressionList.key("email", "nobody" + i + "@example.com"));
    }
    String bob = SuppressionList.key("email", "bob@example.com");
    String c7 = SuppressionList.key("customer_id", "C-7");
    keys.add(bob);
    keys.add(c7);
    assertThat(list.suppressedKeys(keys)).isEqualTo(Set.of(bob, c7));
    assertThat(
            list.anySuppressed(
                Map.of("email", List.of("x@example.com"), "customer_id", List.of("C-7"))))
        .isTrue();
    assertThat(list.anySuppressed(Map.of("email", List.of("x@example.com")))).isFalse();
    assertThat(list.get(bob).orElseThrow().reason()).isEqualTo("erasure");
    assertThat(list.remove("customer_id", "C-7")).isTrue();
    assertThat(list.suppressedKeys(List.of(c7))).isEmpty();
  }

  @Test
  void badReasonNamesReason() {
    assertThatThrownBy(() -> list(INDICES).add("email", "a@b.test", "bored", null, "ops"))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("manual, unsubscribe, hard_bounce, spam_report, erasure")
        .extracting(e -> ((CdpException) e).parameter())
        .isEqualTo("reason");
  }
}
