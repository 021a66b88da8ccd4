package io.opencdp.resolve.profile;

import java.util.List;

/**
 * Every identifier of a profile by type; the primary email and phone first, then the most recently
 * seen.
 */
public record ContactPoints(
    List<ContactPoint> emails,
    List<ContactPoint> phones,
    List<ContactPoint> customerIds,
    List<ContactPoint> loyaltyIds,
    List<ContactPoint> deviceIds,
    List<ContactPoint> anonymousIds) {
  public ContactPoints {
    emails = List.copyOf(emails);
    phones = List.copyOf(phones);
    customerIds = List.copyOf(customerIds);
    loyaltyIds = List.copyOf(loyaltyIds);
    deviceIds = List.copyOf(deviceIds);
    anonymousIds = List.copyOf(anonymousIds);
  }
}
