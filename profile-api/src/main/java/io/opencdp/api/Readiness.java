package io.opencdp.api;

import java.util.Optional;

/**
 * Whether the API's store answers: the cluster health of Elasticsearch, or empty if it does not.
 */
interface Readiness extends AutoCloseable {
  /** {@code green}, {@code yellow} or {@code red}; empty when Elasticsearch does not answer. */
  Optional<String> clusterStatus();

  @Override
  void close();
}
