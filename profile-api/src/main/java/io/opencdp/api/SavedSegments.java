package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.segment.SegmentQueries;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.segment.ProfileFields;
import io.opencdp.schemas.segment.SegmentDefinition;
import io.opencdp.schemas.segment.SegmentWindows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The saved segments and their members for jobs outside the API ({@code cdp segments refresh},
 * {@code cdp export}): the same store, checks and compiler the segment routes use, so a job selects
 * exactly the members {@code GET /v1/segments/{id}/members} lists at the same instant.
 */
public final class SavedSegments {
  /** Profiles read per page when a job walks all members of a segment. */
  static final int SCAN_PAGE = 2_000;

  /**
   * One saved segment.
   *
   * @param id {@code seg-...}
   * @param version 1, then + 1 on every change
   * @param name the definition's name
   * @param definition the checked definition
   */
  public record Saved(String id, long version, String name, SegmentDefinition definition) {
    public Saved {
      requireNonNull(id, "id is null");
      requireNonNull(definition, "definition is null");
    }
  }

  private final String workspace;
  private final SegmentCatalog catalog;
  private final SegmentAudience audience;

  private SavedSegments(String workspace, SegmentCatalog catalog, SegmentAudience audience) {
    this.workspace = workspace;
    this.catalog = catalog;
    this.audience = audience;
  }

  /**
   * The saved segments of the workspace {@code indices} names.
   *
   * @param fields the profile catalog with the configured custom traits ({@code
   *     ProfileFields.of(config)})
   */
  public static SavedSegments of(
      ElasticsearchClient es, StoreIndices indices, ProfileFields fields) {
    return new SavedSegments(
        indices.workspace(),
        new SegmentCatalog(new SegmentStore(es, indices), fields),
        new SegmentAudience(es, indices));
  }

  /**
   * Every saved segment, oldest first. A segment whose saved definition no longer passes the checks
   * (a custom trait it compares was removed from the config) is a {@code CONFLICT} error naming it.
   */
  public List<Saved> all() {
    List<Saved> all = new ArrayList<>();
    Page.Request request = new Page.Request(100, null);
    while (true) {
      Page page = catalog.store().list(request);
      page.items().forEach(doc -> all.add(saved(doc)));
      if (page.nextCursor() == null || page.items().isEmpty()) {
        return List.copyOf(all);
      }
      request = new Page.Request(100, Cursor.decode(page.nextCursor(), Cursor.Shape.TIME_THEN_ID));
    }
  }

  /**
   * Saves a new segment as {@code POST /v1/segments} does (the same checks; a bad definition is a
   * {@code BAD_ARGUMENT} naming its JSON path) and returns it.
   *
   * @param definitionJson the definition as JSON text
   * @param createdBy who saves it (an API key id, or a command's name)
   */
  public Saved create(String definitionJson, String createdBy, Instant now) {
    return saved(
        SegmentsController.saveNew(catalog, workspace, definitionJson, createdBy, now.toString()));
  }

  /** The saved segment {@code id}, if there is one. */
  public Optional<Saved> get(String id) {
    return catalog.store().get(id).map(stored -> saved(stored.doc()));
  }

  /**
   * The query over the profile documents selecting the members of {@code segment} at the instant
   * {@code windows} was made for; {@code in_segment} references read the saved segments now.
   */
  public Query compile(Saved segment, SegmentWindows windows) {
    return SegmentQueries.compile(segment.definition().condition(), windows, catalog.lookup());
  }

  /** The exact number of profiles {@code query} selects. */
  public long count(Query query) {
    return audience.count(query);
  }

  /**
   * Hands every profile {@code query} selects to {@code each}, by profile id, read in one point in
   * time (a consistent snapshot whatever is indexed meanwhile); {@code activity} left out. Nothing
   * indexed yet: none.
   */
  public void forEachMember(Query query, Consumer<ObjectNode> each) {
    String pit = audience.openPointInTime();
    if (pit == null) {
      return;
    }
    List<FieldValue> after = null;
    do {
      SegmentAudience.Members page = audience.page(query, pit, after, SCAN_PAGE);
      page.profiles().forEach(each);
      pit = page.pitId();
      after = page.after();
    } while (after != null);
  }

  private Saved saved(ObjectNode doc) {
    SegmentStore.Stored stored = new SegmentStore.Stored(doc, 0, 0);
    SegmentDefinition definition = catalog.definition(stored);
    return new Saved(stored.id(), stored.version(), doc.path("name").asText(null), definition);
  }
}
