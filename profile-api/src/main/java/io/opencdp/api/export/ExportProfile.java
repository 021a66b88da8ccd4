package io.opencdp.api.export;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.audience.AudienceMember;
import java.util.List;
import java.util.Set;

/**
 * One member of a segment as an export reads it from its profile document: what the file may carry
 * ({@link AudienceMember}), the consent keys it has granted ({@code consent_granted}) and every
 * identifier of the profile (for the suppression list).
 *
 * @param member the values the format layouts read
 * @param consentGranted the document's {@code consent_granted} keys ({@code purpose:channel},
 *     {@code purpose:*})
 * @param identifiers every identifier of the profile ({@code identifiers.<type>})
 */
public record ExportProfile(
    AudienceMember member, Set<String> consentGranted, List<Identifier> identifiers) {

  /** One identifier: its type's wire name ({@code email}, {@code phone}, ...) and its value. */
  public record Identifier(String type, String value) {
    public Identifier {
      requireNonNull(type, "type is null");
      requireNonNull(value, "value is null");
    }
  }

  public ExportProfile {
    requireNonNull(member, "member is null");
    consentGranted = Set.copyOf(consentGranted);
    identifiers = List.copyOf(identifiers);
  }

  public String profileId() {
    return member.profileId();
  }
}
