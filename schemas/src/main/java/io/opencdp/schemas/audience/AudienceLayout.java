package io.opencdp.schemas.audience;

import java.util.List;
import java.util.Optional;

/**
 * The columns of one export format and how a member becomes a row: each platform's published
 * normalization, then SHA-256 in lowercase hex for the hashed columns (docs/segments.md, "Audience
 * exports"). The one place these rules live; the export job, the API and the tests use it.
 */
public interface AudienceLayout {
  /** The header row, in the platform's own column names. */
  List<String> header();

  /**
   * The row of {@code member} (values in {@link #header()} order, empty strings for missing ones);
   * empty when the member has no identifier the platform can match on (counted as "without a
   * hashable identifier", never written).
   */
  Optional<List<String>> row(AudienceMember member);

  /**
   * The layout of {@code format}; {@code csvFields} names the columns after {@code profile_id} for
   * {@link AudienceFormat#CSV} (ignored otherwise; null or empty means all of {@link
   * CsvLayout#fieldNames()}; an unknown name is a {@code BAD_ARGUMENT} naming {@code fields}).
   */
  static AudienceLayout of(AudienceFormat format, List<String> csvFields) {
    return switch (format) {
      case GOOGLE -> new GoogleCustomerMatch();
      case META -> new MetaCustomAudience();
      case CSV -> CsvLayout.of(csvFields);
    };
  }
}
