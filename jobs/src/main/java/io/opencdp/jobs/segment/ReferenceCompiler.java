package io.opencdp.jobs.segment;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.opencdp.api.segment.ProfileDocFields;
import io.opencdp.api.store.ActivityFields;
import io.opencdp.jobs.spark.ProfileFunctions;
import io.opencdp.schemas.segment.And;
import io.opencdp.schemas.segment.Condition;
import io.opencdp.schemas.segment.ConsentCondition;
import io.opencdp.schemas.segment.EventCondition;
import io.opencdp.schemas.segment.EventCount;
import io.opencdp.schemas.segment.Field;
import io.opencdp.schemas.segment.FieldCondition;
import io.opencdp.schemas.segment.HasIdentifier;
import io.opencdp.schemas.segment.InSegment;
import io.opencdp.schemas.segment.Not;
import io.opencdp.schemas.segment.Or;
import io.opencdp.schemas.segment.ProfileFields;
import io.opencdp.schemas.segment.SegmentInliner;
import io.opencdp.schemas.segment.SegmentLookup;
import io.opencdp.schemas.segment.SegmentWindows;
import io.opencdp.schemas.segment.TimeRange;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The walk of {@link SegmentReference#members}: one boolean column over a {@code profiles} row per
 * node of the condition. An event condition counts the profile's matching events in a dataset of
 * its own ({@link #counts()}), joined to the profiles under a column name of its own; the node's
 * column compares that count (0 for a profile without any) with the condition's range.
 */
final class ReferenceCompiler implements Condition.Visitor<Column> {
  /** An event condition's counts: {@code <name>_pid}, {@code <name>_n}, per profile with one. */
  record Counts(String name, Dataset<Row> rows) {
    String profileId() {
      return name + PROFILE_ID;
    }

    String number() {
      return name + NUMBER;
    }
  }

  private static final String PROFILE_ID = "_pid";
  private static final String NUMBER = "_n";

  private final Dataset<Row> profileEvents;
  private final SegmentWindows windows;
  private final FieldColumns fields;
  private final SegmentInliner inliner;
  private final List<Counts> counts = new ArrayList<>();

  ReferenceCompiler(Dataset<Row> profileEvents, SegmentWindows windows, SegmentLookup segments) {
    this.profileEvents = requireNonNull(profileEvents, "profileEvents is null");
    this.windows = requireNonNull(windows, "windows is null");
    this.inliner = new SegmentInliner(segments);
    this.fields = new FieldColumns(windows);
  }

  /** The event counts the columns compiled so far compare, to be left-joined to the profiles. */
  List<Counts> counts() {
    return List.copyOf(counts);
  }

  @Override
  public Column visitAnd(And and) {
    Column all = lit(true);
    for (Condition condition : and.conditions()) {
      all = all.and(condition.accept(this));
    }
    return all;
  }

  @Override
  public Column visitOr(Or or) {
    Column any = lit(false);
    for (Condition condition : or.conditions()) {
      any = any.or(condition.accept(this));
    }
    return any;
  }

  @Override
  public Column visitNot(Not not) {
    return not(not.condition().accept(this));
  }

  @Override
  public Column visitField(FieldCondition field) {
    return fields.compile(field, profileColumn(field.field()));
  }

  /** The identifiers the profile document lists: the values of the contact-point list. */
  @Override
  public Column visitHasIdentifier(HasIdentifier hasIdentifier) {
    Column values = col(ProfileDocFields.identifierColumn(hasIdentifier.type()) + ".value");
    return coalesce(exists(values, Column::isNotNull), lit(false));
  }

  /** {@code GoldenProfile.consentGranted}'s rule on the profile's consent rows. */
  @Override
  public Column visitConsent(ConsentCondition consent) {
    return ProfileFunctions.CONSENT_GRANTED.apply(
        col("consent"), lit(consent.purpose()), lit(consent.channel()).cast("string"));
  }

  @Override
  public Column visitInSegment(InSegment inSegment) {
    return inliner.inline(inSegment, condition -> condition.accept(this));
  }

  /**
   * The number of the profile's events of the type, in the window ({@code [start, end)}) and
   * meeting every {@code where}, 0 without any, lies in the count's range.
   */
  @Override
  public Column visitEvent(EventCondition event) {
    Column matching = col(ActivityFields.EVENT_TYPE).equalTo(lit(event.type()));
    Optional<TimeRange> range = windows.range(event.window());
    if (range.isPresent()) {
      // to the millisecond on both sides, as the document's occurred_at and the compiler's bounds
      Column at = date_trunc("millisecond", col(ActivityFields.OCCURRED_AT));
      matching =
          matching
              .and(at.geq(lit(range.get().start().truncatedTo(ChronoUnit.MILLIS))))
              .and(at.lt(lit(range.get().end().truncatedTo(ChronoUnit.MILLIS))));
    }
    for (FieldCondition where : event.where()) {
      matching =
          matching.and(
              fields.compile(where, col(ActivityFields.eventColumn(where.field().name()))));
    }
    String name = "segment_event_" + counts.size();
    Counts counted =
        new Counts(
            name,
            profileEvents
                .where(matching)
                .groupBy(col("profile_id").as(name + PROFILE_ID))
                .agg(count(lit(1)).as(name + NUMBER)));
    counts.add(counted);
    Column n = coalesce(col(counted.number()), lit(0L));
    EventCount wanted = event.count();
    Column holds = n.geq(lit((long) wanted.gte()));
    if (wanted.bounded()) {
      holds = holds.and(n.leq(lit((long) wanted.lte())));
    }
    return holds;
  }

  /** The column of the {@code profiles} row holding a profile catalog field. */
  private static Column profileColumn(Field field) {
    if (field.isCustomTrait()) {
      return col("custom_traits")
          .getItem(field.name().substring(ProfileFields.CUSTOM_TRAIT_PREFIX.length()));
    }
    return col(ProfileDocFields.column(field));
  }
}
