package io.opencdp.ingest.connector;

import io.opencdp.schemas.event.Channel;
import java.io.Serializable;
import java.time.Instant;

/**
 * Turns the raw records of one source into canonical events. Plain Java, shared by the Spark batch
 * ingest (which only drives it) and the Flink streaming job. Instances are serializable so Spark
 * can ship them to executors.
 */
public interface Connector extends Serializable {
  /** The channel this connector's events belong to. */
  Channel channel();

  /** The source-system name stamped on events and dead letters, from config. */
  String sourceSystem();

  /** Whether the first line of every file is a header (CSV) rather than a record. */
  boolean hasHeader();

  /**
   * A parser for one file. {@code header} is the file's first line when {@link #hasHeader()} (else
   * null); a bad header makes every record of the file a dead letter with the reason. {@code
   * ingestedAt} is the time of this ingest run, used as received-at where the source has none.
   */
  FileParser open(String file, String header, Instant ingestedAt);

  /** Parses the records of one file, one at a time, in file order. */
  interface FileParser {
    ParseResult parse(RawRecord record);
  }
}
