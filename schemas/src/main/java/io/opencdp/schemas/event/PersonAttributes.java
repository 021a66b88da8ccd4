package io.opencdp.schemas.event;

import java.time.LocalDate;

/**
 * What an event says about the person, in display form: trimmed, but cased and spelled as the
 * source sent it, for showing on a profile. The normalized forms of {@code email} and {@code phone}
 * are in the event's {@code identifiers} (one place, so the two can never disagree); normalized
 * name forms for matching are computed by identity resolution. Every attribute is optional.
 *
 * @param firstName given name
 * @param lastName family name
 * @param fullName the whole name when the source sends only one field
 * @param email email address as sent
 * @param phone phone number as sent
 * @param address postal address
 * @param birthDate date of birth: a plain date, no time zone
 */
public record PersonAttributes(
    String firstName,
    String lastName,
    String fullName,
    String email,
    String phone,
    PostalAddress address,
    LocalDate birthDate) {

  /** An event that says nothing about the person. */
  public static final PersonAttributes EMPTY =
      new PersonAttributes(null, null, null, null, null, null, null);
}
