package io.opencdp.api.segment;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch._types.query_dsl.ChildScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.opencdp.api.store.ActivityFields;
import io.opencdp.schemas.segment.And;
import io.opencdp.schemas.segment.Condition;
import io.opencdp.schemas.segment.ConsentCondition;
import io.opencdp.schemas.segment.EventCondition;
import io.opencdp.schemas.segment.EventCount;
import io.opencdp.schemas.segment.FieldCondition;
import io.opencdp.schemas.segment.HasIdentifier;
import io.opencdp.schemas.segment.InSegment;
import io.opencdp.schemas.segment.Not;
import io.opencdp.schemas.segment.Or;
import io.opencdp.schemas.segment.SegmentInliner;
import io.opencdp.schemas.segment.SegmentLookup;
import io.opencdp.schemas.segment.SegmentWindows;
import io.opencdp.schemas.segment.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The walk of {@link SegmentQueries#compile}: one query per node of the condition. */
final class ConditionCompiler implements Condition.Visitor<Query> {
  static final String CONSENT_GRANTED = "consent_granted";

  private final SegmentWindows windows;
  private final FieldQueries fields;

  private final SegmentInliner inliner;

  ConditionCompiler(SegmentWindows windows, SegmentLookup segments) {
    this.windows = requireNonNull(windows, "windows is null");
    this.inliner = new SegmentInliner(segments);
    this.fields = new FieldQueries(windows);
  }

  @Override
  public Query visitAnd(And and) {
    return Queries.all(compileAll(and.conditions()));
  }

  @Override
  public Query visitOr(Or or) {
    return Queries.any(compileAll(or.conditions()));
  }

  @Override
  public Query visitNot(Not not) {
    return Queries.not(not.condition().accept(this));
  }

  @Override
  public Query visitField(FieldCondition field) {
    return fields.compile(field, ProfileDocFields.path(field.field()));
  }

  @Override
  public Query visitHasIdentifier(HasIdentifier hasIdentifier) {
    return FieldQueries.exists(ProfileDocFields.identifierPath(hasIdentifier.type()));
  }

  /**
   * Granted on a channel: the channel's own latest change granted it ({@code purpose:channel}), or
   * the channel has no change of its own (no {@code consent} row for it) and the channel-less
   * change granted the purpose ({@code purpose:*}); the rule of {@code GoldenProfile
   * .consentGranted}. As a whole: {@code purpose:*}.
   */
  @Override
  public Query visitConsent(ConsentCondition consent) {
    Query whole = term(CONSENT_GRANTED, ConsentCondition.grantedKey(consent.purpose(), null));
    if (consent.channel() == null) {
      return whole;
    }
    Query ownRecord =
        Query.of(
            q ->
                q.nested(
                    n ->
                        n.path("consent")
                            .query(
                                Queries.all(
                                    List.of(
                                        term("consent.purpose", consent.purpose()),
                                        term("consent.channel", consent.channel()))))));
    return Queries.any(
        List.of(
            term(
                CONSENT_GRANTED, ConsentCondition.grantedKey(consent.purpose(), consent.channel())),
            Queries.bool(List.of(whole), List.of(ownRecord))));
  }

  @Override
  public Query visitInSegment(InSegment inSegment) {
    return inliner.inline(inSegment, condition -> condition.accept(this));
  }

  /**
   * The number of the profile's {@code activity} entries of the type, in the window and meeting
   * every {@code where} lies in the count's range: at least {@code gte} of them, and not at least
   * {@code lte + 1}.
   */
  @Override
  public Query visitEvent(EventCondition event) {
    List<Query> entry = new ArrayList<>();
    entry.add(term(ActivityFields.path(ActivityFields.EVENT_TYPE), event.type()));
    Optional<TimeRange> range = windows.range(event.window());
    range.ifPresent(
        r ->
            entry.add(
                Query.of(
                    q ->
                        q.range(
                            g ->
                                g.date(
                                    d ->
                                        d.field(ActivityFields.path(ActivityFields.OCCURRED_AT))
                                            .gte(FieldQueries.instant(r.start()))
                                            .lt(FieldQueries.instant(r.end())))))));
    for (FieldCondition where : event.where()) {
      entry.add(fields.compile(where, ActivityFields.path(where.field())));
    }
    Query matching = Queries.all(entry);
    EventCount count = event.count();
    Query atLeast = atLeast(count.gte(), matching);
    if (!count.bounded()) {
      return atLeast;
    }
    return Queries.bool(List.of(atLeast), List.of(atLeast(count.lte() + 1, matching)));
  }

  /**
   * Profiles with at least {@code n} entries matching {@code entry}: each matching entry scores
   * exactly 1 and the nested query sums them, so the score is their number; {@code min_score} keeps
   * the profiles whose score reaches {@code n} (compared with {@code n - 0.5}, away from any float
   * rounding).
   */
  private static Query atLeast(int n, Query entry) {
    if (n == 0) {
      return Queries.matchAll();
    }
    Query counted =
        Query.of(
            q ->
                q.nested(
                    nested ->
                        nested
                            .path(ActivityFields.PATH)
                            .scoreMode(ChildScoreMode.Sum)
                            .query(c -> c.constantScore(cs -> cs.filter(entry).boost(1.0f)))));
    return Query.of(q -> q.functionScore(f -> f.query(counted).minScore(n - 0.5)));
  }

  private List<Query> compileAll(List<Condition> conditions) {
    List<Query> out = new ArrayList<>(conditions.size());
    for (Condition condition : conditions) {
      out.add(condition.accept(this));
    }
    return out;
  }

  private static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }
}
