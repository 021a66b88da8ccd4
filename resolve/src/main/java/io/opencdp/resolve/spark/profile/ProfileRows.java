package io.opencdp.resolve.spark.profile;

import io.opencdp.resolve.profile.Attribute;
import io.opencdp.resolve.profile.ConsentState;
import io.opencdp.resolve.profile.ContactPoint;
import io.opencdp.resolve.profile.ContactPoints;
import io.opencdp.resolve.profile.GoldenProfile;
import io.opencdp.resolve.profile.ProfileAttributes;
import io.opencdp.resolve.profile.RfmScore;
import io.opencdp.resolve.profile.Traits;
import io.opencdp.schemas.event.Money;
import io.opencdp.schemas.event.PostalAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/** Maps a golden profile to a row of {@link ProfilesTable#SCHEMA}. */
final class ProfileRows {
  private ProfileRows() {}

  static Row toRow(GoldenProfile p) {
    ProfileAttributes a = p.attributes();
    ContactPoints c = p.contactPoints();
    return RowFactory.create(
        p.workspaceId(),
        p.profileId(),
        attribute(a.firstName(), v -> v),
        attribute(a.lastName(), v -> v),
        attribute(a.birthDate(), v -> v),
        attribute(a.gender(), v -> v),
        attribute(a.address(), ProfileRows::address),
        attribute(a.email(), v -> v),
        attribute(a.phone(), v -> v),
        list(c.emails(), ProfileRows::contactPoint),
        list(c.phones(), ProfileRows::contactPoint),
        list(c.customerIds(), ProfileRows::contactPoint),
        list(c.loyaltyIds(), ProfileRows::contactPoint),
        list(c.deviceIds(), ProfileRows::contactPoint),
        list(c.anonymousIds(), ProfileRows::contactPoint),
        traits(p.traits()),
        list(p.consent(), ProfileRows::consent),
        map(p.customTraits()),
        p.asOf(),
        p.updatedAt());
  }

  private static <V> Row attribute(Attribute<V> a, Function<V, Object> value) {
    if (a == null) {
      return null;
    }
    return RowFactory.create(
        value.apply(a.value()),
        a.provenance().channel(),
        a.provenance().sourceSystem(),
        a.provenance().eventId(),
        a.provenance().observedAt(),
        a.rule().wireName(),
        a.support());
  }

  private static Row address(PostalAddress a) {
    return RowFactory.create(a.street(), a.city(), a.region(), a.postalCode(), a.country());
  }

  private static Row contactPoint(ContactPoint c) {
    return RowFactory.create(
        c.value(),
        c.primary(),
        c.shared(),
        c.eventCount(),
        c.firstSeenAt(),
        c.lastSeenAt(),
        seq(c.sources()),
        c.suppressedReason(),
        c.suppressedAt());
  }

  private static Row traits(Traits t) {
    RfmScore rfm = t.rfm();
    return RowFactory.create(
        t.firstSeenAt(),
        t.lastSeenAt(),
        t.eventCount(),
        seq(t.channels()),
        map(t.eventsPerChannel()),
        t.orderCount(),
        money(t.totalSpend()),
        money(t.averageOrderValue()),
        t.lastOrderAt(),
        t.returnCount(),
        money(t.returnedAmount()),
        t.unconvertedOrders(),
        t.emailDelivered30d(),
        t.emailOpened30d(),
        t.emailClicked30d(),
        t.emailSuppressed(),
        t.emailSuppressionReason(),
        t.emailSuppressedAt(),
        t.callContacts(),
        t.lastCallAt(),
        t.lastCallReason(),
        rfm == null
            ? null
            : RowFactory.create(rfm.recencyDays(), rfm.recency(), rfm.frequency(), rfm.monetary()));
  }

  private static Row consent(ConsentState c) {
    return RowFactory.create(
        c.purpose(), c.channel(), c.granted(), c.source(), c.eventId(), c.changedAt());
  }

  private static Row money(Money m) {
    return m == null ? null : RowFactory.create(m.amount(), m.currency());
  }

  private static <T> scala.collection.immutable.Seq<Object> list(
      List<T> values, Function<T, Row> mapper) {
    return seq(values.stream().map(mapper).map(Object.class::cast).toList());
  }

  /** Spark's external row format wants Scala collections for arrays and maps. */
  private static <T> scala.collection.immutable.Seq<T> seq(List<T> values) {
    return CollectionConverters.asScala(values).toSeq();
  }

  private static <K, V> scala.collection.Map<K, V> map(Map<K, V> values) {
    return CollectionConverters.asScala(values);
  }
}
