package io.opencdp.api.export;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.util.Collection;
import java.util.Set;

/**
 * The workspace's suppression list as exports read it. Until {@code io.opencdp.api.SuppressionList}
 * (docs/segments.md, "Suppression list") is merged, every lookup fails, so no export can reach
 * anyone who is on the list (fail closed).
 */
final class SuppressionLookup {
  private SuppressionLookup() {}

  static Suppressions of(ElasticsearchClient es, StoreIndices indices) {
    return new Suppressions() {
      @Override
      public String key(String type, String value) {
        return type + ":" + value;
      }

      @Override
      public Set<String> suppressedKeys(Collection<String> keys) {
        throw new CdpException(
            ErrorCode.INTERNAL,
            "the suppression list of "
                + indices.workspace()
                + " is not built yet (issue 6); exports cannot check it");
      }
    };
  }
}
