package io.opencdp.ingest.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A file found in a source's landing directory.
 *
 * @param source the configured source name (ingest.sources key)
 * @param uri the file's absolute URI, its identity in ingest_log
 * @param relativePath the path under the landing root, as events and dead letters reference it
 */
public record LandedFile(
    String source, String uri, String relativePath, long size, long modifiedAtMillis)
    implements Serializable {
  public LandedFile {
    requireNonNull(source, "source is null");
    requireNonNull(uri, "uri is null");
    requireNonNull(relativePath, "relativePath is null");
  }
}
