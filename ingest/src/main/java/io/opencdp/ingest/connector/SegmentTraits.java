package io.opencdp.ingest.connector;

import io.opencdp.schemas.event.ConsentChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Segment traits: the person's attributes and identifiers, and consent flags. */
final class SegmentTraits {
  /** Boolean traits that grant or withdraw marketing email consent. */
  static final List<String> EMAIL_OPT_IN_TRAITS = List.of("newsletter_opt_in", "email_opt_in");

  private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9_:.-]{0,127}");

  private SegmentTraits() {}

  /** Reads names, email, phone, birthday and address (Segment's reserved traits). */
  static void read(JsonFields traits, PersonFields person, RecordContext ctx) {
    person.firstName = first(traits, "firstName", "first_name");
    person.lastName = first(traits, "lastName", "last_name");
    person.fullName = traits.text("name");
    person.email = traits.text("email");
    person.phone = traits.text("phone");
    person.birthDate = birthday(traits);
    JsonFields address = traits.object("address");
    person.street = address.text("street");
    person.city = address.text("city");
    person.region = first(address, "state", "region");
    person.postalCode = first(address, "postalCode", "postal_code");
    person.country = address.text("country");
    ctx.identifiers.email(person.email);
    ctx.identifiers.phone(person.phone, person.countryCode());
  }

  /** Consent from the boolean opt-in traits; a non-boolean value is {@code wrong_type}. */
  static List<ConsentChange> consent(JsonFields traits, Instant at) {
    List<ConsentChange> changes = new ArrayList<>(1);
    for (String trait : EMAIL_OPT_IN_TRAITS) {
      Boolean granted = traits.bool(trait);
      if (granted != null) {
        changes.add(new ConsentChange("marketing", "email", granted, "segment_" + trait, at));
      }
    }
    return changes;
  }

  /**
   * Consent from {@code context.consent.categoryPreferences}: one change per category whose name
   * makes a purpose; other categories stay in custom.
   */
  static List<ConsentChange> categoryConsent(JsonFields consent, Instant at) {
    JsonFields preferences = consent.object("categoryPreferences");
    List<ConsentChange> changes = new ArrayList<>();
    for (String category : preferences.names()) {
      String purpose = category.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
      if (!PURPOSE.matcher(purpose).matches()) {
        continue;
      }
      Boolean granted = preferences.bool(category);
      if (granted != null) {
        changes.add(new ConsentChange(purpose, null, granted, "segment_consent_preferences", at));
      }
    }
    return changes;
  }

  /** Segment's birthday: a date, or a date-time whose date part is the birthday. */
  private static String birthday(JsonFields traits) {
    String raw = traits.text("birthday");
    if (raw != null && raw.length() > 10 && raw.charAt(10) == 'T') {
      return raw.substring(0, 10);
    }
    return raw;
  }

  private static String first(JsonFields fields, String name, String alternative) {
    String value = fields.text(name);
    return value != null ? value : fields.text(alternative);
  }
}
