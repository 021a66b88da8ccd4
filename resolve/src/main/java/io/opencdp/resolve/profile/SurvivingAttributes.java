package io.opencdp.resolve.profile;

import io.opencdp.schemas.config.AttributeRule;
import io.opencdp.schemas.config.ProfileAttribute;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.PersonAttributes;
import io.opencdp.schemas.event.PostalAddress;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Collects every value of every survivorship attribute from a profile's events and picks the
 * survivors. Blank values never count; an address counts only with a street; emails and phones
 * count only when valid and not blocked by the guardrails.
 */
final class SurvivingAttributes {
  /** Custom keys a gender may be sent under: CRM column, Segment trait, Connect attribute. */
  private static final List<List<String>> GENDER_PATHS =
      List.of(List.of("gender"), List.of("traits", "gender"), List.of("Attributes", "gender"));

  private final ProfileRules rules;
  private final Candidates<String> firstName = new Candidates<>();
  private final Candidates<String> lastName = new Candidates<>();
  private final Candidates<LocalDate> birthDate = new Candidates<>();
  private final Candidates<String> gender = new Candidates<>();
  private final Candidates<PostalAddress> address = new Candidates<>();
  private final Candidates<String> email = new Candidates<>();
  private final Candidates<String> phone = new Candidates<>();

  SurvivingAttributes(ProfileRules rules) {
    this.rules = rules;
  }

  void add(TouchpointEvent event, Provenance provenance) {
    PersonAttributes person = event.person();
    text(ProfileAttribute.FIRST_NAME, firstName, person.firstName(), provenance);
    text(ProfileAttribute.LAST_NAME, lastName, person.lastName(), provenance);
    if (person.birthDate() != null) {
      add(
          ProfileAttribute.BIRTH_DATE,
          birthDate,
          person.birthDate(),
          person.birthDate().toString(),
          provenance);
    }
    String genderValue = gender(event.custom());
    if (genderValue != null) {
      add(ProfileAttribute.GENDER, gender, genderValue, genderValue, provenance);
    }
    PostalAddress postal = person.address();
    if (postal != null && !blank(postal.street())) {
      add(ProfileAttribute.ADDRESS, address, postal, addressKey(postal), provenance);
    }
    Set<String> seen = new HashSet<>();
    for (Identifier id : event.identifiers()) {
      if (!rules.usable(id) || !seen.add(id.type() + ":" + id.normalized())) {
        continue;
      }
      if (id.type() == IdentifierType.EMAIL) {
        add(ProfileAttribute.EMAIL, email, id.normalized(), id.normalized(), provenance);
      } else if (id.type() == IdentifierType.PHONE) {
        add(ProfileAttribute.PHONE, phone, id.normalized(), id.normalized(), provenance);
      }
    }
  }

  /**
   * The survivors; {@code shared} tells which email and phone values identity resolution marked
   * shared: those are chosen only when the profile has no other.
   */
  ProfileAttributes build(Predicate<String> sharedEmail, Predicate<String> sharedPhone) {
    return new ProfileAttributes(
        choose(ProfileAttribute.FIRST_NAME, firstName, v -> true),
        choose(ProfileAttribute.LAST_NAME, lastName, v -> true),
        choose(ProfileAttribute.BIRTH_DATE, birthDate, v -> true),
        choose(ProfileAttribute.GENDER, gender, v -> true),
        choose(ProfileAttribute.ADDRESS, address, v -> true),
        choose(ProfileAttribute.EMAIL, email, preferUnshared(email, sharedEmail)),
        choose(ProfileAttribute.PHONE, phone, preferUnshared(phone, sharedPhone)));
  }

  private static Predicate<String> preferUnshared(
      Candidates<String> candidates, Predicate<String> shared) {
    return candidates.any(shared.negate()) ? shared.negate() : v -> true;
  }

  private <V> Attribute<V> choose(
      ProfileAttribute attribute, Candidates<V> candidates, Predicate<String> keys) {
    AttributeRule rule = rules.rule(attribute);
    return candidates.choose(rule.rule(), keys).orElse(null);
  }

  private void text(
      ProfileAttribute attribute, Candidates<String> into, String value, Provenance provenance) {
    if (!blank(value)) {
      String v = value.strip();
      add(attribute, into, v, v.toLowerCase(Locale.ROOT), provenance);
    }
  }

  private <V> void add(
      ProfileAttribute attribute, Candidates<V> into, V value, String key, Provenance provenance) {
    int rank = rules.ranking(attribute).rank(provenance.channel(), provenance.sourceSystem());
    into.add(new Observation<>(value, key, provenance, rank));
  }

  private static String gender(Map<String, Object> custom) {
    for (List<String> path : GENDER_PATHS) {
      Object value = custom;
      for (String key : path) {
        value = value instanceof Map<?, ?> map ? map.get(key) : null;
      }
      if (value instanceof String s && !s.isBlank()) {
        return s.strip().toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /** Addresses that differ only in case or spacing are one value. */
  private static String addressKey(PostalAddress a) {
    return Stream.of(a.street(), a.city(), a.region(), a.postalCode(), a.country())
        .map(
            part ->
                part == null ? "" : part.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "))
        .collect(Collectors.joining("|"));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
