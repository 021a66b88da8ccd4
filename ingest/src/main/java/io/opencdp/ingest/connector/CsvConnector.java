package io.opencdp.ingest.connector;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.CsvFormat;
import io.opencdp.schemas.config.CsvKind;
import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.Instant;
import java.util.List;

/**
 * A CSV export with a header row (POS line items, the CRM customer master), read through the
 * source's {@code csv_mapping} so any export maps without code. The header must hold every mapped
 * column (else every row of the file is {@code csv_header_mismatch}); a row with another number of
 * columns than the header is {@code csv_column_count}. What a row means is {@link PosLineRows} or
 * {@link CustomerRows}; unmapped columns go to {@code custom} under their header name.
 */
final class CsvConnector implements Connector {
  private static final long serialVersionUID = 1L;

  private final ConnectorSettings settings;
  private final CsvFormat format;

  CsvConnector(ConnectorSettings settings, CsvFormat format) {
    this.settings = requireNonNull(settings, "settings is null");
    this.format = requireNonNull(format, "format is null");
  }

  @Override
  public Channel channel() {
    return settings.channel();
  }

  @Override
  public String sourceSystem() {
    return settings.sourceSystem();
  }

  @Override
  public boolean hasHeader() {
    return true;
  }

  @Override
  public FileParser open(String file, String header, Instant ingestedAt) {
    CsvHeader checked;
    try {
      checked = CsvHeader.read(header, format);
    } catch (RecordException e) {
      return new Parser(settings, file, ingestedAt, format, null, e);
    }
    return new Parser(settings, file, ingestedAt, format, checked, null);
  }

  private static final class Parser extends RecordParser {
    private final CsvFormat format;
    private final CsvHeader header;
    private final RecordException headerProblem;

    Parser(
        ConnectorSettings settings,
        String file,
        Instant ingestedAt,
        CsvFormat format,
        CsvHeader header,
        RecordException headerProblem) {
      super(settings, file, ingestedAt);
      this.format = format;
      this.header = header;
      this.headerProblem = headerProblem;
    }

    @Override
    TouchpointEvent read(RecordContext ctx) {
      if (headerProblem != null) {
        throw headerProblem;
      }
      List<String> cells = CsvLineParser.parse(ctx.record.text(), format.delimiter());
      if (cells.size() != header.size()) {
        throw new RecordException(
            ReasonCodes.CSV_COLUMN_COUNT,
            "row has " + cells.size() + " columns, the header has " + header.size());
      }
      CsvRow row = new CsvRow(header, format, cells);
      return format.kind() == CsvKind.POS_LINE
          ? PosLineRows.read(row, format, ctx)
          : CustomerRows.read(row, format, ctx);
    }
  }
}
