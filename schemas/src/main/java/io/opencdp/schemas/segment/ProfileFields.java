package io.opencdp.schemas.segment;

import static io.opencdp.schemas.segment.FieldType.BOOLEAN;
import static io.opencdp.schemas.segment.FieldType.DATE;
import static io.opencdp.schemas.segment.FieldType.NUMBER;
import static io.opencdp.schemas.segment.FieldType.TEXT;
import static io.opencdp.schemas.segment.FieldType.TEXT_LIST;
import static io.opencdp.schemas.segment.FieldType.TIME;
import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.CustomTraitConfig;
import io.opencdp.schemas.config.PrivacyConfig;
import io.opencdp.schemas.config.ProfilesConfig;
import io.opencdp.schemas.privacy.ConsentPurposes;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The profile fields conditions compare (docs/segments.md, "Profile fields"): the built-in ones and
 * one text field {@code custom_traits.<name>} per custom trait of {@code profiles.custom_traits}.
 *
 * @param customTraits the names of the configured custom traits
 * @param consentPurposes the named consent purposes ({@code privacy.purposes}) a consent condition
 *     without a channel may name
 */
public record ProfileFields(Set<String> customTraits, ConsentPurposes consentPurposes)
    implements Serializable {
  public static final String CUSTOM_TRAIT_PREFIX = "custom_traits.";

  /** The built-in fields, in the order of the doc's table. */
  public static final List<Field> BUILT_IN =
      List.of(
          Field.folded("first_name"),
          Field.folded("last_name"),
          Field.folded("city"),
          Field.of("postal_code", TEXT),
          Field.of("country", TEXT),
          Field.of("birth_date", DATE),
          Field.of("traits.first_seen_at", TIME),
          Field.of("traits.last_seen_at", TIME),
          Field.of("traits.last_order_at", TIME),
          Field.of("traits.last_call_at", TIME),
          Field.of("traits.email_suppressed_at", TIME),
          Field.integer("traits.event_count"),
          Field.integer("traits.order_count"),
          Field.integer("traits.return_count"),
          Field.integer("traits.unconverted_orders"),
          Field.integer("traits.email_delivered_30d"),
          Field.integer("traits.email_opened_30d"),
          Field.integer("traits.email_clicked_30d"),
          Field.integer("traits.call_contacts"),
          Field.integer("traits.rfm.recency_days"),
          Field.integer("traits.rfm.recency"),
          Field.integer("traits.rfm.frequency"),
          Field.integer("traits.rfm.monetary"),
          Field.of("traits.total_spend", NUMBER),
          Field.of("traits.average_order_value", NUMBER),
          Field.of("traits.returned_amount", NUMBER),
          Field.of("traits.email_suppressed", BOOLEAN),
          Field.of("traits.email_suppression_reason", TEXT),
          Field.of("traits.last_call_reason", TEXT),
          Field.of("traits.channels", TEXT_LIST));

  private static final Map<String, Field> BY_NAME = byName(BUILT_IN);

  public ProfileFields {
    customTraits =
        Collections.unmodifiableSet(
            new TreeSet<>(requireNonNull(customTraits, "customTraits is null")));
    requireNonNull(consentPurposes, "consentPurposes is null");
  }

  /** These custom traits, no named consent purpose. */
  public ProfileFields(Set<String> customTraits) {
    this(customTraits, ConsentPurposes.none());
  }

  /** The fields of the workspace of {@code config}: its custom traits and consent purposes. */
  public static ProfileFields of(CdpConfig config) {
    return of(config.profiles(), config.privacy());
  }

  /** The fields of a workspace with these custom traits and named consent purposes. */
  public static ProfileFields of(ProfilesConfig profiles, PrivacyConfig privacy) {
    return new ProfileFields(
        new TreeSet<>(profiles.customTraits().stream().map(CustomTraitConfig::name).toList()),
        ConsentPurposes.of(privacy));
  }

  /** Only the built-in fields. */
  public static ProfileFields builtIn() {
    return new ProfileFields(Set.of());
  }

  /** The fields with these custom trait names. */
  public static ProfileFields withCustomTraits(Collection<String> names) {
    return new ProfileFields(new TreeSet<>(names));
  }

  /** The field named {@code name}, if there is one. */
  public Optional<Field> find(String name) {
    Field builtIn = BY_NAME.get(name);
    if (builtIn != null) {
      return Optional.of(builtIn);
    }
    if (name.startsWith(CUSTOM_TRAIT_PREFIX)
        && customTraits.contains(name.substring(CUSTOM_TRAIT_PREFIX.length()))) {
      return Optional.of(Field.of(name, TEXT));
    }
    return Optional.empty();
  }

  /** Every field: the built-in ones, then the custom traits by name. */
  public List<Field> all() {
    List<Field> all = new ArrayList<>(BUILT_IN);
    customTraits.forEach(name -> all.add(Field.of(CUSTOM_TRAIT_PREFIX + name, TEXT)));
    return List.copyOf(all);
  }

  static Map<String, Field> byName(List<Field> fields) {
    Map<String, Field> map = new LinkedHashMap<>();
    for (Field field : fields) {
      map.put(field.name(), field);
    }
    return Collections.unmodifiableMap(map);
  }
}
