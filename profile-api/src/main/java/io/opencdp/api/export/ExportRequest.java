package io.opencdp.api.export;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.audience.AudienceFormat;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One export asked for by {@code cdp export} or {@code POST /v1/segments/{id}/exports}.
 *
 * @param segmentId the saved segment
 * @param format the file format
 * @param destination where the rows go, for {@code since_last}: {@code [a-z0-9_-]{1,64}}; null
 *     means the format's id
 * @param sinceLast write the changes since the previous export to this destination rather than
 *     every member
 * @param fields the columns after {@code profile_id} of a {@code csv} file (empty: the default
 *     set); only for {@code csv}
 * @param out the file of members or adds; removes go to {@code <out without .csv>.removes.csv};
 *     null lets the API choose one under {@code exports.directory}
 * @param requestedBy the API key id or the operating-system user
 */
public record ExportRequest(
    String segmentId,
    AudienceFormat format,
    String destination,
    boolean sinceLast,
    List<String> fields,
    Path out,
    String requestedBy) {
  static final Pattern DESTINATION = Pattern.compile("[a-z0-9_-]{1,64}");

  public ExportRequest {
    requireNonNull(segmentId, "segmentId is null");
    requireNonNull(format, "format is null");
    destination = destination == null ? format.id() : destination;
    if (!DESTINATION.matcher(destination).matches()) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          "field 'destination' must be 1-64 lowercase letters, digits, '_' or '-', got '"
              + destination
              + "'",
          "destination",
          null);
    }
    fields = fields == null ? List.of() : List.copyOf(fields);
    if (!fields.isEmpty() && format != AudienceFormat.CSV) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          "field 'fields' is only for format csv (the "
              + format.id()
              + " columns are fixed by the platform)",
          "fields",
          null);
    }
    requireNonNull(requestedBy, "requestedBy is null");
  }

  ExportRequest withOut(Path newOut) {
    return new ExportRequest(
        segmentId, format, destination, sinceLast, fields, newOut, requestedBy);
  }
}
