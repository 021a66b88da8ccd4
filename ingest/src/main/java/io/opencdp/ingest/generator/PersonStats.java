package io.opencdp.ingest.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Person-level counts for the manifest, all checkable against {@code truth/persons.csv}. */
final class PersonStats {
  long persons;
  long households;
  long isolated;
  long customers;
  long duplicateAccounts;
  long loyaltyMembers;
  long sharedEmail;
  long sharedPhone;
  long sharedDeviceHouseholds;
  long multiPersonHouseholds;

  void add(Person p) {
    persons++;
    Household hh = p.household();
    if (p.member() == 0) {
      households++;
      if (hh.size() > 1) {
        multiPersonHouseholds++;
      }
      if (hh.sharesDevice()) {
        sharedDeviceHouseholds++;
      }
    }
    if (p.isolated()) {
      isolated++;
    }
    if (p.customerId() != null) {
      customers++;
    }
    if (p.altCustomerId() != null) {
      duplicateAccounts++;
    }
    if (p.loyaltyId() != null) {
      loyaltyMembers++;
    }
    if (p.sharesEmail()) {
      sharedEmail++;
    }
    if (p.sharesPhone()) {
      sharedPhone++;
    }
  }

  ObjectNode toJson(ObjectNode node) {
    return node.put("persons", persons)
        .put("households", households)
        .put("multi_person_households", multiPersonHouseholds)
        .put("isolated", isolated)
        .put("customers", customers)
        .put("duplicate_accounts", duplicateAccounts)
        .put("loyalty_members", loyaltyMembers)
        .put("shared_email", sharedEmail)
        .put("shared_phone", sharedPhone)
        .put("shared_device_households", sharedDeviceHouseholds);
  }
}
