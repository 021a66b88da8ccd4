package io.opencdp.ingest.generator;

/**
 * Persons living together: consecutive person indexes {@code start .. start+size-1}, derived from a
 * stream seeded by the start index only. The head (first member) owns the email and phone the
 * others may share; the first two members may share a family tablet.
 */
record Household(
    int start,
    int size,
    boolean isolated,
    Places.City city,
    String street,
    String postalCode,
    String lastName,
    boolean sharesDevice,
    Device tablet) {

  String id() {
    return String.format("H%07d", start + 1);
  }

  boolean contains(int index) {
    return index >= start && index < start + size;
  }
}
