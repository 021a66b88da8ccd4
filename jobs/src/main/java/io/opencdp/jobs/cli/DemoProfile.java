package io.opencdp.jobs.cli;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.util.Optional;

/**
 * The indexed profile the quickstart's ready-to-paste {@code curl} lines show: of the profiles with
 * the most events, the first (by id) whose primary phone is its own (not a household's shared
 * line), so the lookup by phone answers exactly that person.
 *
 * @param profileId the profile's id
 * @param phone its primary phone, E.164
 * @param email its primary email when it has one of its own, else null
 * @param customerId its first customer id, or null
 */
record DemoProfile(String profileId, String phone, String email, String customerId) {
  private static final int CANDIDATES = 50;

  DemoProfile {
    requireNonNull(profileId, "profileId is null");
    requireNonNull(phone, "phone is null");
  }

  static DemoProfile pick(EsConnection es, StoreIndices indices) {
    SearchResponse<ObjectNode> response;
    try {
      response =
          es.client()
              .search(
                  s ->
                      s.index(indices.profilesAlias())
                          .query(q -> q.exists(e -> e.field("identifiers.phone")))
                          .size(CANDIDATES)
                          .sort(
                              o ->
                                  o.field(f -> f.field("traits.event_count").order(SortOrder.Desc)))
                          .sort(o -> o.field(f -> f.field("profile_id").order(SortOrder.Asc))),
                  ObjectNode.class);
    } catch (IOException e) {
      throw new CdpException(
          ErrorCode.ELASTICSEARCH_UNAVAILABLE,
          "Elasticsearch at " + es.url() + " does not answer",
          e);
    }
    for (Hit<ObjectNode> hit : response.hits().hits()) {
      Optional<DemoProfile> demo = ownPhone(hit.source());
      if (demo.isPresent()) {
        return demo.get();
      }
    }
    throw new CdpException(
        ErrorCode.INDEX_FAILED,
        "no indexed profile has a phone of its own to show; is the profile index empty? (cdp index"
            + " --full)");
  }

  private static Optional<DemoProfile> ownPhone(ObjectNode profile) {
    if (profile == null) {
      return Optional.empty();
    }
    for (JsonNode phone : profile.path("phones")) {
      if (phone.path("is_primary").asBoolean() && !phone.path("shared").asBoolean()) {
        return Optional.of(
            new DemoProfile(
                profile.path("profile_id").asText(),
                phone.path("value").asText(),
                ownEmail(profile),
                first(profile.path("identifiers").path("customer_id"))));
      }
    }
    return Optional.empty();
  }

  private static String ownEmail(ObjectNode profile) {
    for (JsonNode email : profile.path("emails")) {
      if (email.path("is_primary").asBoolean() && !email.path("shared").asBoolean()) {
        return email.path("value").asText();
      }
    }
    return null;
  }

  private static String first(JsonNode values) {
    JsonNode value = values.isArray() ? values.path(0) : values;
    return value.isTextual() ? value.asText() : null;
  }
}
