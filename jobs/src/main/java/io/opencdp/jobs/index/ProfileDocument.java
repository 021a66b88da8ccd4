package io.opencdp.jobs.index;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.opencdp.api.store.ActivityFields;
import io.opencdp.api.store.ProfileSearchFields;
import io.opencdp.resolve.profile.Attribute;
import io.opencdp.resolve.profile.ConsentState;
import io.opencdp.resolve.profile.ContactPoint;
import io.opencdp.resolve.profile.ContactPoints;
import io.opencdp.resolve.profile.GoldenProfile;
import io.opencdp.resolve.profile.ProfileAttributes;
import io.opencdp.resolve.profile.RfmScore;
import io.opencdp.resolve.profile.Traits;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.Money;
import io.opencdp.schemas.event.PostalAddress;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.normalize.SearchText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The profile document of {@code cdp-<ws>-profiles} (docs/profile-store.md) built in plain Java,
 * from a {@link GoldenProfile} and the profile's events, for writers without Spark (the streaming
 * job): the same JSON, field for field and in the same order, that {@link ProfileDocs} builds from
 * the Delta {@code profiles} row, as {@code ProfileRows} maps the golden profile to that row and
 * {@link DocJson} writes it (null fields left out, instants with six fraction digits and {@code Z},
 * money with four decimal places).
 *
 * <p>The rules are the ones the indexer calls: {@link ProfileSearchFields} and {@link
 * SearchText#fold} for {@code search.*}, {@link ConsentState#grantedKeys} for {@code
 * consent_granted}, {@link ActivityFields} for the {@code activity} entries ({@link
 * ActivityFields#eventValue} reads each catalog field at the path of {@link
 * ActivityFields#eventColumn}, the column the indexer reads). What the indexer does as Spark
 * expressions is mirrored here, not shared: the document's layout (the struct of {@link
 * ProfileDocs#build}), the order of the {@code activity} entries ({@link ActivityEntries}), {@code
 * merged_from} sorted ({@code array_sort}) and {@code segments} sorted and distinct ({@code
 * collect_set}, {@code array_sort}). {@code ProfileDocumentTest} guards the mirror: it rebuilds
 * every profile of the resolved sample from its events and compares its document with the
 * indexer's, byte for byte.
 */
public final class ProfileDocument {
  /**
   * {@code delta_version} of a document not read from Delta: the stream's ({@code cdp stream}
   * builds it from the events in its state).
   */
  public static final long NOT_FROM_DELTA = -1;

  private static final JsonFactory JSON = new JsonFactory();

  private ProfileDocument() {}

  /**
   * The JSON of the profile document of {@code profile}: what {@code cdp index} writes for it.
   *
   * @param profile the golden profile, as {@code cdp resolve}'s profile build makes it
   * @param mergedFrom the alias profile ids that resolve to it, in any order (written sorted)
   * @param events the profile's events for {@code activity} (those the events index gets: within
   *     {@code index.events_retention_days}); none leaves {@code activity} out, as the indexer does
   * @param segments the ids of the segments it is an open member of, in any order
   * @param indexedAt when the document is written (kept to the microsecond)
   * @param deltaVersion the version of the Delta {@code profiles} table the profile is of
   */
  public static String json(
      GoldenProfile profile,
      Collection<String> mergedFrom,
      Collection<TouchpointEvent> events,
      Collection<String> segments,
      Instant indexedAt,
      long deltaVersion) {
    requireNonNull(profile, "profile is null");
    requireNonNull(mergedFrom, "mergedFrom is null");
    requireNonNull(events, "events is null");
    requireNonNull(segments, "segments is null");
    requireNonNull(indexedAt, "indexedAt is null");
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(g, profile, mergedFrom, ActivityEntries.of(events), segments, indexedAt, deltaVersion);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(
      JsonGenerator g,
      GoldenProfile p,
      Collection<String> mergedFrom,
      ActivityEntries activity,
      Collection<String> segments,
      Instant indexedAt,
      long deltaVersion)
      throws IOException {
    ProfileAttributes a = p.attributes();
    ContactPoints c = p.contactPoints();
    g.writeStartObject();
    g.writeStringField("workspace_id", p.workspaceId());
    g.writeStringField("profile_id", p.profileId());
    strings(
        g,
        "merged_from",
        mergedFrom.stream().filter(Objects::nonNull).sorted(ActivityEntries::compareText).toList());
    attribute(g, "first_name", a.firstName(), g::writeString);
    attribute(g, "last_name", a.lastName(), g::writeString);
    attribute(g, "gender", a.gender(), g::writeString);
    attribute(g, "email", a.email(), g::writeString);
    attribute(g, "phone", a.phone(), g::writeString);
    attribute(g, "birth_date", a.birthDate(), v -> g.writeString(DocFormats.date(v)));
    attribute(g, "address", a.address(), v -> address(g, v));
    contactPoints(g, "emails", c.emails());
    contactPoints(g, "phones", c.phones());
    contactPoints(g, "customer_ids", c.customerIds());
    contactPoints(g, "loyalty_ids", c.loyaltyIds());
    contactPoints(g, "device_ids", c.deviceIds());
    contactPoints(g, "anonymous_ids", c.anonymousIds());
    g.writeObjectFieldStart("identifiers");
    for (IdentifierType type : IdentifierType.values()) {
      strings(g, type.wireName(), values(points(c, type)));
    }
    g.writeEndObject();

    String first = value(a.firstName());
    String last = value(a.lastName());
    PostalAddress address = value(a.address());
    g.writeObjectFieldStart("search");
    string(g, "name", ProfileSearchFields.name(first, last));
    string(g, "first_name", SearchText.fold(first));
    string(g, "last_name", SearchText.fold(last));
    string(g, "city", SearchText.fold(address == null ? null : address.city()));
    strings(g, "email_local", ProfileSearchFields.emailLocals(values(c.emails())));
    strings(g, "phone_digits", ProfileSearchFields.phoneDigits(values(c.phones())));
    g.writeEndObject();
    LocalDate birthDate = value(a.birthDate());
    string(g, "birth_date_value", birthDate == null ? null : DocFormats.date(birthDate));
    string(g, "postal_code", address == null ? null : address.postalCode());
    string(g, "country", address == null ? null : address.country());

    traits(g, p.traits());
    g.writeArrayFieldStart("consent");
    for (ConsentState consent : p.consent()) {
      g.writeStartObject();
      string(g, "purpose", consent.purpose());
      string(g, "channel", consent.channel());
      g.writeBooleanField("granted", consent.granted());
      string(g, "source", consent.source());
      string(g, "event_id", consent.eventId());
      instant(g, "changed_at", consent.changedAt());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("custom_traits");
    for (Map.Entry<String, String> trait : p.customTraits().entrySet()) {
      g.writeFieldName(trait.getKey());
      nullable(g, trait.getValue());
    }
    g.writeEndObject();

    if (!activity.isEmpty()) {
      g.writeFieldName(ActivityFields.PATH);
      activity.write(g);
      if (activity.truncated()) {
        g.writeBooleanField(ActivityFields.TRUNCATED, true);
      }
    }
    strings(g, "consent_granted", ConsentState.grantedKeys(p.consent()));
    TreeSet<String> open = new TreeSet<>(ActivityEntries::compareText);
    segments.stream().filter(Objects::nonNull).forEach(open::add);
    strings(g, "segments", List.copyOf(open));
    instant(g, "as_of", p.asOf());
    instant(g, "updated_at", p.updatedAt());
    instant(g, "indexed_at", indexedAt.truncatedTo(ChronoUnit.MICROS));
    g.writeNumberField("delta_version", deltaVersion);
    g.writeEndObject();
  }

  private static void traits(JsonGenerator g, Traits t) throws IOException {
    g.writeObjectFieldStart("traits");
    instant(g, "first_seen_at", t.firstSeenAt());
    instant(g, "last_seen_at", t.lastSeenAt());
    g.writeNumberField("event_count", t.eventCount());
    strings(g, "channels", t.channels());
    g.writeObjectFieldStart("events_per_channel");
    for (Map.Entry<String, Long> channel : t.eventsPerChannel().entrySet()) {
      g.writeFieldName(channel.getKey());
      if (channel.getValue() == null) {
        g.writeNull();
      } else {
        g.writeNumber(channel.getValue());
      }
    }
    g.writeEndObject();
    g.writeNumberField("order_count", t.orderCount());
    money(g, "total_spend", t.totalSpend());
    money(g, "average_order_value", t.averageOrderValue());
    instant(g, "last_order_at", t.lastOrderAt());
    g.writeNumberField("return_count", t.returnCount());
    money(g, "returned_amount", t.returnedAmount());
    g.writeNumberField("unconverted_orders", t.unconvertedOrders());
    g.writeNumberField("email_delivered_30d", t.emailDelivered30d());
    g.writeNumberField("email_opened_30d", t.emailOpened30d());
    g.writeNumberField("email_clicked_30d", t.emailClicked30d());
    g.writeBooleanField("email_suppressed", t.emailSuppressed());
    string(g, "email_suppression_reason", t.emailSuppressionReason());
    instant(g, "email_suppressed_at", t.emailSuppressedAt());
    g.writeNumberField("call_contacts", t.callContacts());
    instant(g, "last_call_at", t.lastCallAt());
    string(g, "last_call_reason", t.lastCallReason());
    RfmScore rfm = t.rfm();
    if (rfm != null) {
      g.writeObjectFieldStart("rfm");
      g.writeNumberField("recency_days", rfm.recencyDays());
      g.writeNumberField("recency", rfm.recency());
      g.writeNumberField("frequency", rfm.frequency());
      g.writeNumberField("monetary", rfm.monetary());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** A surviving value with its provenance ({@code ProfilesTable.attribute}); null: left out. */
  private static <V> void attribute(
      JsonGenerator g, String name, Attribute<V> attribute, ValueWriter<V> value)
      throws IOException {
    if (attribute == null) {
      return;
    }
    g.writeObjectFieldStart(name);
    if (attribute.value() != null) {
      g.writeFieldName("value");
      value.write(attribute.value());
    }
    string(g, "channel", attribute.provenance().channel());
    string(g, "source_system", attribute.provenance().sourceSystem());
    string(g, "event_id", attribute.provenance().eventId());
    instant(g, "observed_at", attribute.provenance().observedAt());
    string(g, "rule", attribute.rule().wireName());
    g.writeNumberField("support", attribute.support());
    g.writeEndObject();
  }

  private static void address(JsonGenerator g, PostalAddress a) throws IOException {
    g.writeStartObject();
    string(g, "street", a.street());
    string(g, "city", a.city());
    string(g, "region", a.region());
    string(g, "postal_code", a.postalCode());
    string(g, "country", a.country());
    g.writeEndObject();
  }

  private static void contactPoints(JsonGenerator g, String name, List<ContactPoint> points)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (ContactPoint point : points) {
      g.writeStartObject();
      string(g, "value", point.value());
      g.writeBooleanField("is_primary", point.primary());
      g.writeBooleanField("shared", point.shared());
      g.writeNumberField("event_count", point.eventCount());
      instant(g, "first_seen_at", point.firstSeenAt());
      instant(g, "last_seen_at", point.lastSeenAt());
      if (point.sources() != null) {
        strings(g, "sources", point.sources());
      }
      string(g, "suppressed_reason", point.suppressedReason());
      instant(g, "suppressed_at", point.suppressedAt());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static List<ContactPoint> points(ContactPoints c, IdentifierType type) {
    return switch (type) {
      case CUSTOMER_ID -> c.customerIds();
      case LOYALTY_ID -> c.loyaltyIds();
      case EMAIL -> c.emails();
      case PHONE -> c.phones();
      case DEVICE_ID -> c.deviceIds();
      case ANONYMOUS_ID -> c.anonymousIds();
    };
  }

  private static List<String> values(List<ContactPoint> points) {
    return points.stream().map(ContactPoint::value).toList();
  }

  private static <V> V value(Attribute<V> attribute) {
    return attribute == null ? null : attribute.value();
  }

  private static void money(JsonGenerator g, String name, Money money) throws IOException {
    if (money == null) {
      return;
    }
    g.writeObjectFieldStart(name);
    g.writeFieldName("amount");
    g.writeNumber(money.amount().setScale(DocFormats.MONEY_SCALE, RoundingMode.HALF_UP));
    string(g, "currency", money.currency());
    g.writeEndObject();
  }

  /** A list field, always written ({@code []} when empty); null elements as {@code null}. */
  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String value : values) {
      nullable(g, value);
    }
    g.writeEndArray();
  }

  private static void string(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void nullable(JsonGenerator g, String value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
  }

  private static void instant(JsonGenerator g, String name, Instant value) throws IOException {
    if (value != null) {
      g.writeStringField(name, DocFormats.instant(value));
    }
  }

  @FunctionalInterface
  private interface ValueWriter<V> {
    void write(V value) throws IOException;
  }
}
