package io.opencdp.jobs.stream;

import io.opencdp.ingest.connector.LandedFileParser;
import io.opencdp.schemas.config.IngestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.core.fs.Path;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Parses one whole landed file with its source's connector, as the batch ingest does. */
final class ParseLandedFile extends ParseRecords<LandedFileRef> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ParseLandedFile.class);

  private transient LongCounter files;

  ParseLandedFile(IngestConfig ingest, String workspaceId) {
    super(ingest, workspaceId);
  }

  @Override
  public void open(OpenContext context) {
    super.open(context);
    files = new LongCounter();
    getRuntimeContext().addAccumulator(StreamCounters.FILES, files);
  }

  @Override
  public void processElement(LandedFileRef file, Context ctx, Collector<String> out)
      throws IOException {
    Path path = new Path(URI.create(file.uri()));
    LandedFileParser.Summary summary;
    try (InputStream in = path.getFileSystem().open(path)) {
      summary = parse(file.source(), in, file.relativePath(), ctx, out);
    }
    files.add(1);
    LOG.info(
        "{} ({}): {} event(s), {} dead letter(s)",
        file.relativePath(),
        file.source(),
        summary.events(),
        summary.deadLetters());
  }
}
