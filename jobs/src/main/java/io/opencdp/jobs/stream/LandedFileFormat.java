package io.opencdp.jobs.stream;

import static java.util.Objects.requireNonNull;

import io.opencdp.ingest.connector.LandingPaths;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.config.SourceConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.SingletonResultIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file source's format: ONE record per file, a {@link LandedFileRef} naming the file and its
 * source, never the file's content. Files are not splittable, so a split is a whole file, and its
 * checkpointed position is "before" or "after" that one record: a checkpoint never falls inside a
 * file, and a file whose record was emitted before the checkpoint is not emitted again on restore.
 * The file's source is the one whose directory holds it (the longest match), as the batch scanner
 * lists each source's directory; a file in none, or hidden ({@code .x}) or in progress ({@code _x})
 * below its source's directory, gives no record.
 */
final class LandedFileFormat implements BulkFormat<LandedFileRef, FileSourceSplit> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(LandedFileFormat.class);

  /** A source's directory, as a URI path ending in '/'. */
  private record SourceDir(String source, String path) implements java.io.Serializable {}

  private final String landingRoot;
  private final List<SourceDir> dirs;

  LandedFileFormat(IngestConfig ingest) {
    requireNonNull(ingest, "ingest is null");
    this.landingRoot = LandingPaths.toUri(ingest.landingRoot()).toString();
    List<SourceDir> list = new ArrayList<>();
    for (SourceConfig source : ingest.sources().values()) {
      String path = LandingPaths.toUri(ingest.location(source)).getPath();
      list.add(new SourceDir(source.name(), path.endsWith("/") ? path : path + "/"));
    }
    list.sort(Comparator.comparing((SourceDir d) -> d.path().length()).reversed());
    this.dirs = List.copyOf(list);
  }

  /** The file at {@code uri} as a record, or null when no source reads it. */
  LandedFileRef refOf(URI uri) {
    String path = uri.getPath();
    for (SourceDir dir : dirs) {
      if (path.startsWith(dir.path())) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (LandingPaths.hiddenOrInProgress(dir.path(), path, name)) {
          return null;
        }
        return new LandedFileRef(
            dir.source(), uri.toString(), LandingPaths.relativeTo(landingRoot, uri.toString()));
      }
    }
    LOG.warn("{} is in no source's directory; skipped", uri);
    return null;
  }

  @Override
  public Reader<LandedFileRef> createReader(Configuration config, FileSourceSplit split) {
    return new OneRecord(refOf(split.path().toUri()));
  }

  @Override
  public Reader<LandedFileRef> restoreReader(Configuration config, FileSourceSplit split) {
    boolean emitted =
        split.getReaderPosition().map(p -> p.getRecordsAfterOffset() > 0).orElse(false);
    return new OneRecord(emitted ? null : refOf(split.path().toUri()));
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<LandedFileRef> getProducedType() {
    return TypeInformation.of(LandedFileRef.class);
  }

  /** Emits its one record (if any) in the first batch, then ends. */
  private static final class OneRecord implements Reader<LandedFileRef> {
    private LandedFileRef pending;

    OneRecord(LandedFileRef ref) {
      this.pending = ref;
    }

    @Override
    public RecordIterator<LandedFileRef> readBatch() {
      if (pending == null) {
        return null;
      }
      SingletonResultIterator<LandedFileRef> batch = new SingletonResultIterator<>();
      batch.set(pending, CheckpointedPosition.NO_OFFSET, 1);
      pending = null;
      return batch;
    }

    @Override
    public void close() {}
  }
}
