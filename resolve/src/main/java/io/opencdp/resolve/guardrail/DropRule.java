package io.opencdp.resolve.guardrail;

/**
 * Why a link was not made. The codes are stable: they are written to the {@code rule} column of
 * {@code identity_link_audit} and the {@code shared_reason} of {@code identity_map}.
 */
public enum DropRule {
  /** An end of the link is a blocked value ({@code test@test.com}, {@code +10000000000}). */
  BLOCKED_VALUE("blocked_value"),
  /** An end of the link is shared by several persons (a store phone, a family tablet). */
  SHARED_IDENTIFIER("shared_identifier"),
  /**
   * The merged profile would hold more identifiers of a type than its limit; the code is {@code
   * limit:<type>}, e.g. {@code limit:customer_id}.
   */
  LIMIT("limit"),
  /** An operator said these two identifiers (or profiles) are never one person. */
  NEVER_LINK_OVERRIDE("never_link_override"),
  /** An operator took an identifier out of a profile. */
  SPLIT_OVERRIDE("split_override"),
  /**
   * A probabilistic link between profiles that carry different customer ids or different loyalty
   * ids: whatever the names and addresses say, two accounts are two people.
   */
  CONFLICTING_IDENTIFIER("conflicting_identifier"),
  /** A probabilistic link between profiles that both have birth dates, none in common. */
  CONFLICTING_BIRTH_DATE("conflicting_birth_date"),
  /**
   * A probabilistic link whose two records do not agree on the given name (equal, a nickname or a
   * typo): surname, address and a landline agreeing is a household, not one person.
   */
  GIVEN_NAME_DISAGREES("given_name_disagrees"),
  /** A probabilistic link whose two records do not agree on the family name. */
  FAMILY_NAME_DISAGREES("family_name_disagrees"),
  /**
   * A probabilistic link on the name alone: nothing else (birth date, address, phone, email) agrees
   * more than the rest disagrees. Namesakes are common; a name is not a person.
   */
  UNCORROBORATED("uncorroborated"),
  /**
   * A probabilistic link from a record no identifier placed that a stronger link already put into a
   * profile: it joins one profile and never bridges two.
   */
  RECORD_ALREADY_PLACED("record_already_placed");

  private final String code;

  DropRule(String code) {
    this.code = code;
  }

  /** The stable code; {@link DropReason#code()} adds the type for {@link #LIMIT}. */
  public String code() {
    return code;
  }
}
