package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An index the API owns rather than the indexer (the override queue, the saved segments): one plain
 * index, created with its strict mapping before the first write (never by Elasticsearch's
 * auto-create, whose dynamic mapping would guess field types), one shard, a replica where the
 * cluster has room for one.
 */
public final class OwnedIndex {
  private static final Logger LOG = LoggerFactory.getLogger(OwnedIndex.class);

  private final ElasticsearchClient es;
  private final String name;
  private final String mapping;
  private volatile boolean created;

  /**
   * @param mapping the class-path resource of the mapping
   */
  public OwnedIndex(ElasticsearchClient es, String name, String mapping) {
    this.es = requireNonNull(es, "es is null");
    this.name = requireNonNull(name, "name is null");
    this.mapping = requireNonNull(mapping, "mapping is null");
  }

  public String name() {
    return name;
  }

  /** Creates the index with its mapping unless it exists. */
  public void ensure() {
    if (created) {
      return;
    }
    boolean exists = EsCalls.call(() -> es.indices().exists(e -> e.index(name)).value());
    if (!exists) {
      try {
        EsCalls.call(
            () -> {
              try (InputStream in = mapping()) {
                return es.indices()
                    .create(
                        c ->
                            c.index(name)
                                .settings(s -> s.numberOfShards("1").autoExpandReplicas("0-1"))
                                .mappings(m -> m.withJson(in)));
              }
            });
        LOG.info("created {}", name);
      } catch (ElasticsearchException e) {
        if (e.error() == null || !"resource_already_exists_exception".equals(e.error().type())) {
          throw e;
        }
      }
    }
    created = true;
  }

  private InputStream mapping() {
    InputStream in = OwnedIndex.class.getResourceAsStream(mapping);
    if (in == null) {
      throw new UncheckedIOException(new FileNotFoundException(mapping));
    }
    return in;
  }
}
