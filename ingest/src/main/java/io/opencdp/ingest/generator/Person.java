package io.opencdp.ingest.generator;

import static java.util.Objects.requireNonNull;

/**
 * The true attributes of one person, as written to {@code truth/persons.csv}. {@code email} and
 * {@code phone} are the ones the person actually uses, which may be the household's shared ones.
 */
record Person(
    int index,
    String id,
    Household household,
    int member,
    char gender,
    String firstName,
    String lastName,
    long birthEpochDay,
    String email,
    String phone,
    boolean sharesEmail,
    boolean sharesPhone,
    String customerId,
    String altCustomerId,
    String altEmail,
    String loyaltyId,
    String cardLast4,
    Habits habits) {

  Person {
    requireNonNull(id, "id is null");
    requireNonNull(household, "household is null");
    requireNonNull(email, "email is null");
    requireNonNull(phone, "phone is null");
    requireNonNull(habits, "habits is null");
  }

  boolean isolated() {
    return household.isolated();
  }

  Places.City city() {
    return household.city();
  }

  String country() {
    return household.city().country();
  }

  /** The household's tablet is shared by its first two members, who both have an account. */
  boolean usesTablet() {
    return household.sharesDevice() && member < 2;
  }

  static String id(int index) {
    return String.format("P%07d", index + 1);
  }
}
