package io.opencdp.resolve.profile;

import io.opencdp.schemas.event.PostalAddress;
import java.time.LocalDate;

/**
 * The surviving attributes of a golden profile; each is null when no event of the profile carried a
 * usable value.
 *
 * @param firstName given name, as the winning event spelled it
 * @param lastName family name
 * @param birthDate date of birth
 * @param gender gender from custom traits, lower case, as sent ({@code f}, {@code female}, ...)
 * @param address a whole postal address from one event (one with a street)
 * @param email the primary email (normalized)
 * @param phone the primary phone (E.164)
 */
public record ProfileAttributes(
    Attribute<String> firstName,
    Attribute<String> lastName,
    Attribute<LocalDate> birthDate,
    Attribute<String> gender,
    Attribute<PostalAddress> address,
    Attribute<String> email,
    Attribute<String> phone) {}
