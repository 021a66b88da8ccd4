package io.opencdp.jobs.segment;

import io.opencdp.schemas.segment.And;
import io.opencdp.schemas.segment.Condition;
import io.opencdp.schemas.segment.ConsentCondition;
import io.opencdp.schemas.segment.EventCondition;
import io.opencdp.schemas.segment.EventWindow;
import io.opencdp.schemas.segment.FieldCondition;
import io.opencdp.schemas.segment.FieldType;
import io.opencdp.schemas.segment.HasIdentifier;
import io.opencdp.schemas.segment.InSegment;
import io.opencdp.schemas.segment.Not;
import io.opencdp.schemas.segment.Operator;
import io.opencdp.schemas.segment.Or;
import io.opencdp.schemas.segment.SegmentLookup;
import java.util.Set;
import java.util.TreeSet;

/** Names what a condition exercises, to check that the agreement cases leave nothing out. */
final class CoverageVisitor implements Condition.Visitor<Void> {
  private final Set<String> covered;
  private final SegmentLookup segments;
  private int inlined;

  CoverageVisitor(Set<String> covered, SegmentLookup segments) {
    this.covered = covered;
    this.segments = segments;
  }

  /** Every operator of every profile field type (folded text apart), every kind of node. */
  static Set<String> required() {
    Set<String> required = new TreeSet<>();
    for (FieldType type : FieldType.values()) {
      for (Operator op : type.operators()) {
        required.add(fieldKey("profile", type, false, op));
      }
    }
    for (Operator op : FieldType.TEXT.operators()) {
      required.add(fieldKey("profile", FieldType.TEXT, true, op));
    }
    required.addAll(
        Set.of(
            "and",
            "or",
            "not",
            "has_identifier",
            "consent on a channel",
            "consent as a whole",
            "in_segment",
            "in_segment nested",
            "event count gte",
            "event count lte",
            "event count gte and lte",
            "event did not",
            "event within_last_days",
            "event between",
            "event all time",
            "event where"));
    return required;
  }

  private static String fieldKey(String side, FieldType type, boolean folded, Operator op) {
    return side + " " + (folded ? "folded " : "") + type.wireName() + " " + op.wireName();
  }

  @Override
  public Void visitAnd(And and) {
    covered.add("and");
    and.conditions().forEach(c -> c.accept(this));
    return null;
  }

  @Override
  public Void visitOr(Or or) {
    covered.add("or");
    or.conditions().forEach(c -> c.accept(this));
    return null;
  }

  @Override
  public Void visitNot(Not not) {
    covered.add("not");
    if (not.condition() instanceof EventCondition) {
      covered.add("event did not");
    }
    not.condition().accept(this);
    return null;
  }

  @Override
  public Void visitField(FieldCondition field) {
    covered.add(fieldKey("profile", field.field().type(), field.field().folded(), field.op()));
    return null;
  }

  @Override
  public Void visitHasIdentifier(HasIdentifier hasIdentifier) {
    covered.add("has_identifier");
    return null;
  }

  @Override
  public Void visitConsent(ConsentCondition consent) {
    covered.add(consent.channel() == null ? "consent as a whole" : "consent on a channel");
    return null;
  }

  @Override
  public Void visitInSegment(InSegment inSegment) {
    covered.add(inlined == 0 ? "in_segment" : "in_segment nested");
    inlined++;
    segments.find(inSegment.segmentId()).orElseThrow().condition().accept(this);
    inlined--;
    return null;
  }

  @Override
  public Void visitEvent(EventCondition event) {
    if (event.count().bounded()) {
      covered.add(event.count().gte() > 0 ? "event count gte and lte" : "event count lte");
      if (event.count().lte() == 0) {
        covered.add("event did not");
      }
    } else {
      covered.add("event count gte");
    }
    covered.add(
        event.window() instanceof EventWindow.WithinLastDays
            ? "event within_last_days"
            : event.window() instanceof EventWindow.Between ? "event between" : "event all time");
    if (!event.where().isEmpty()) {
      covered.add("event where");
      event.where().forEach(w -> covered.add(fieldKey("event", w.field().type(), false, w.op())));
    }
    return null;
  }
}
