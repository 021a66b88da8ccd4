package io.opencdp.schemas.segment;

import java.io.Serializable;

/**
 * One node of a segment condition (docs/segments.md, "Conditions"): an immutable, validated tree
 * that the evaluation engines (the Elasticsearch compiler, the Spark SQL reference) walk. On Java
 * 17 a switch over the sealed types is a preview feature, so engines implement {@link Visitor}: the
 * compiler then checks that every kind of node is handled.
 */
public sealed interface Condition extends Serializable
    permits And,
        Or,
        Not,
        FieldCondition,
        HasIdentifier,
        ConsentCondition,
        InSegment,
        EventCondition {

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of node. */
  interface Visitor<R> {
    R visitAnd(And and);

    R visitOr(Or or);

    R visitNot(Not not);

    R visitField(FieldCondition field);

    R visitHasIdentifier(HasIdentifier hasIdentifier);

    R visitConsent(ConsentCondition consent);

    R visitInSegment(InSegment inSegment);

    R visitEvent(EventCondition event);
  }
}
