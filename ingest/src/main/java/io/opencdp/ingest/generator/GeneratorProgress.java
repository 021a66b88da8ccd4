package io.opencdp.ingest.generator;

/** Told how far generation has come, every ~1% or every 10,000 persons, and once at the end. */
@FunctionalInterface
public interface GeneratorProgress {
  GeneratorProgress NONE = (done, total) -> {};

  void persons(long done, long total);
}
