package io.opencdp.schemas.audience;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * What an audience export knows of one member: the profile's surviving values and contact points as
 * the profile document holds them (already normalized by ingest: emails lowercased, phones in E.164
 * with {@code +}, country ISO-3166 alpha-2). Each platform's own normalization and hashing is
 * applied by {@link AudienceLayout}, never here. Any field may be null or empty.
 *
 * @param profileId the golden profile id
 * @param emails the profile's emails, primary first
 * @param phones the profile's phones (E.164), primary first
 * @param customerIds the profile's customer ids (Meta's {@code EXTERN_ID})
 * @param gender {@code female}, {@code male}, other values or null, as survivorship chose
 */
public record AudienceMember(
    String profileId,
    List<String> emails,
    List<String> phones,
    List<String> customerIds,
    String firstName,
    String lastName,
    String city,
    String region,
    String postalCode,
    String country,
    LocalDate birthDate,
    String gender) {
  public AudienceMember {
    requireNonNull(profileId, "profileId is null");
    emails = emails == null ? List.of() : List.copyOf(emails);
    phones = phones == null ? List.of() : List.copyOf(phones);
    customerIds = customerIds == null ? List.of() : List.copyOf(customerIds);
  }
}
