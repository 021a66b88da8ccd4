package io.opencdp.ingest.connector;

import static java.util.Objects.requireNonNull;

/**
 * A bad record and what its dead letter must say.
 *
 * @param line the raw line
 * @param reasonCode the expected {@link ReasonCodes} code
 * @param named text the message must contain, typically the field's name
 */
record BadCase(String line, String reasonCode, String named) {
  BadCase {
    requireNonNull(line, "line is null");
    requireNonNull(reasonCode, "reasonCode is null");
    requireNonNull(named, "named is null");
  }
}
