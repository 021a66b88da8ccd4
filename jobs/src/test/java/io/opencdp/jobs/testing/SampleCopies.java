package io.opencdp.jobs.testing;

import io.opencdp.ingest.spark.SampleData;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.resolve.spark.ResolvedSample;
import io.opencdp.resolve.spark.profile.ProfileBuilder;
import io.opencdp.schemas.config.CdpConfig;
import java.nio.file.Path;

/**
 * Private copies of the shared resolved sample ({@link ResolvedSample}, ingested and resolved once
 * per build and read-only): a test that writes tables (profiles, the index log) works on its own
 * copy of the work directory.
 */
public final class SampleCopies {
  private static CdpConfig profiled;

  private SampleCopies() {}

  /** The config of a private copy of the shared resolved sample's work directory. */
  public static CdpConfig privateCopy(String prefix) {
    return copyOf(ResolvedSample.get().config, prefix);
  }

  /**
   * As {@link #privateCopy}, with the golden profiles built (as of {@link ResolvedSample#AS_OF}):
   * built once per test JVM, copied for each test that asks.
   */
  public static synchronized CdpConfig privateCopyWithProfiles(String prefix) {
    if (profiled == null) {
      profiled = privateCopy("profiled-sample");
      new ProfileBuilder(SharedSpark.session(), profiled).run();
    }
    return copyOf(profiled, prefix);
  }

  private static CdpConfig copyOf(CdpConfig sample, String prefix) {
    Path work = SharedSpark.newTableDir(prefix);
    SampleData.copyTree(sample.workDir(), work);
    return sample.withWorkDir(work);
  }
}
