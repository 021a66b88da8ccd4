package io.opencdp.resolve.spark;

import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.guardrail.IdentityLink;
import io.opencdp.resolve.guardrail.LinkDecision;
import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.resolve.guardrail.Resolution;
import io.opencdp.schemas.event.IdentifierType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Applies the guardrails to one candidate component: its links go through the same {@link
 * LinkGuardrails#resolve} the streaming path uses one event at a time, so per-type limits split a
 * component exactly as they would split a live profile; an operator's never-link pairs split it
 * too. Emits one row per identifier (its cluster key) and one per dropped link.
 */
final class ComponentResolver implements FlatMapGroupsFunction<Long, Row, Row> {
  static final String IDENTIFIER = "identifier";
  static final String DROPPED = "dropped";

  private final LinkGuardrails guardrails;
  private final NeverLinkRules neverLink;

  ComponentResolver(LinkGuardrails guardrails, NeverLinkRules neverLink) {
    this.guardrails = guardrails;
    this.neverLink = neverLink;
  }

  @Override
  public Iterator<Row> call(Long component, Iterator<Row> rows) {
    List<IdentityLink> links = new ArrayList<>();
    while (rows.hasNext()) {
      // component, a_type, a_value, type, value, evidence_event_id, seen_at
      Row r = rows.next();
      links.add(
          new IdentityLink(
              key(r.getString(1), r.getString(2)),
              key(r.getString(3), r.getString(4)),
              r.getString(5),
              instant(r.get(6))));
    }
    Resolution resolution = guardrails.resolve(links, identifier -> false, neverLink);
    List<Row> out = new ArrayList<>();
    for (Map.Entry<IdentifierKey, IdentifierKey> e : resolution.clusterKeys().entrySet()) {
      out.add(
          RowFactory.create(
              IDENTIFIER,
              e.getKey().type().wireName(),
              e.getKey().value(),
              e.getValue().type().wireName(),
              e.getValue().value(),
              null,
              null,
              null,
              null,
              null,
              null));
    }
    for (LinkDecision d : resolution.dropped()) {
      out.add(
          RowFactory.create(
              DROPPED,
              d.link().left().type().wireName(),
              d.link().left().value(),
              d.link().right().type().wireName(),
              d.link().right().value(),
              d.reason().code(),
              d.reason().detail(),
              d.link().evidenceEventId(),
              d.link().seenAt(),
              d.reason().identifier() == null ? null : d.reason().identifier().type().wireName(),
              d.reason().identifier() == null ? null : d.reason().identifier().value()));
    }
    return out.iterator();
  }

  private static IdentifierKey key(String type, String value) {
    return new IdentifierKey(IdentifierType.fromWireName(type), value);
  }

  private static Instant instant(Object value) {
    return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
  }
}
