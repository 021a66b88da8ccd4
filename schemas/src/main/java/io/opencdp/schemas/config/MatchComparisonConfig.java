package io.opencdp.schemas.config;

import java.io.Serializable;
import java.util.List;

/**
 * One compared field of probabilistic matching ({@code resolve.match.comparisons[i]}). The names
 * are checked by {@code io.opencdp.resolve.match.MatchSettings}, which knows the fields and kinds.
 *
 * @param field the field: given_name, family_name, birth_date, house_number, street, locality,
 *     city, postal_code, region, phone or email
 * @param kind how it is compared: name, text, date, code or exact
 * @param thresholds Jaro-Winkler thresholds, highest first (name and text only)
 * @param termFrequency whether an exact match is weighted by how common the value is (default
 *     false)
 */
public record MatchComparisonConfig(
    String field, String kind, List<Double> thresholds, Boolean termFrequency)
    implements Serializable {
  public MatchComparisonConfig {
    thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
    termFrequency = termFrequency != null && termFrequency;
  }
}
