package io.opencdp.jobs.stream;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One landed file the stream found: the source whose directory holds it, its URI, and its path
 * relative to the landing root (what dead letters and events name, as in the batch ingest).
 */
public record LandedFileRef(String source, String uri, String relativePath)
    implements Serializable {
  public LandedFileRef {
    requireNonNull(source, "source is null");
    requireNonNull(uri, "uri is null");
    requireNonNull(relativePath, "relativePath is null");
  }
}
