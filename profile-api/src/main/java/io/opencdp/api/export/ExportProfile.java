package io.opencdp.api.export;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.audience.AudienceMember;
import io.opencdp.schemas.privacy.ConsentRecord;
import java.util.List;

/**
 * One member of a segment as an export reads it from its profile document: what the file may carry
 * ({@link AudienceMember}), its consent rows ({@code consent}, decided by {@code ConsentPurposes})
 * and every identifier of the profile (for the suppression list).
 *
 * @param member the values the format layouts read
 * @param consent the document's {@code consent} rows: the latest change per (purpose, channel)
 * @param identifiers every identifier of the profile ({@code identifiers.<type>})
 */
public record ExportProfile(
    AudienceMember member, List<ConsentRecord> consent, List<Identifier> identifiers) {

  /** One identifier: its type's wire name ({@code email}, {@code phone}, ...) and its value. */
  public record Identifier(String type, String value) {
    public Identifier {
      requireNonNull(type, "type is null");
      requireNonNull(value, "value is null");
    }
  }

  public ExportProfile {
    requireNonNull(member, "member is null");
    consent = List.copyOf(consent);
    identifiers = List.copyOf(identifiers);
  }

  public String profileId() {
    return member.profileId();
  }
}
