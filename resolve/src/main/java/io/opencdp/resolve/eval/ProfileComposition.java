package io.opencdp.resolve.eval;

import static java.util.Objects.requireNonNull;

/**
 * One predicted profile's size and how many true persons its records belong to.
 *
 * @param profileId the predicted profile id
 * @param records how many records it holds
 * @param truePersons how many distinct true persons those records belong to (1 when not
 *     over-merged)
 */
public record ProfileComposition(String profileId, long records, long truePersons) {
  public ProfileComposition {
    requireNonNull(profileId, "profileId is null");
    if (records < 1 || truePersons < 1 || truePersons > records) {
      throw new IllegalArgumentException(
          "need 1 <= truePersons <= records, got " + truePersons + " and " + records);
    }
  }
}
