package io.opencdp.api.export;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.opencdp.api.SuppressionList;
import io.opencdp.api.store.StoreIndices;
import java.util.Collection;
import java.util.Set;

/**
 * The workspace's suppression list ({@link SuppressionList}, {@code cdp-<ws>-suppressions}) as
 * exports read it: keys of identifiers as the profile documents hold them (already normalized) and
 * one lookup per batch.
 */
final class SuppressionLookup {
  /**
   * Exports never normalize a typed value (they read the profiles' normalized identifiers), so the
   * list's phone region is never used here.
   */
  private static final String UNUSED_PHONE_REGION = "US";

  private SuppressionLookup() {}

  static Suppressions of(ElasticsearchClient es, StoreIndices indices) {
    SuppressionList list = SuppressionList.of(es, indices, UNUSED_PHONE_REGION);
    return new Suppressions() {
      @Override
      public String key(String type, String value) {
        return SuppressionList.key(type, value);
      }

      @Override
      public Set<String> suppressedKeys(Collection<String> keys) {
        return list.suppressedKeys(keys);
      }
    };
  }
}
