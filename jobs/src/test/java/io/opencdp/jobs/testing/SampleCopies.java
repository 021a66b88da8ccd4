package io.opencdp.jobs.testing;

import io.opencdp.ingest.spark.SampleData;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.resolve.spark.ResolvedSample;
import io.opencdp.schemas.config.CdpConfig;
import java.nio.file.Path;

/**
 * Private copies of the shared resolved sample ({@link ResolvedSample}, ingested and resolved once
 * per test JVM and read-only): a test that writes tables (profiles, the index log) works on its own
 * copy of the work directory.
 */
public final class SampleCopies {
  private SampleCopies() {}

  /** The config of a private copy of the shared resolved sample's work directory. */
  public static CdpConfig privateCopy(String prefix) {
    ResolvedSample sample = ResolvedSample.get();
    Path work = SharedSpark.newTableDir(prefix);
    SampleData.copyTree(sample.config.workDir(), work);
    return sample.config.withWorkDir(work);
  }
}
