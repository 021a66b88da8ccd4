package io.opencdp.ingest.spark;

import io.opencdp.schemas.config.CdpConfig;

/** Where each Delta table of a workspace lives: {@code <work_dir>/delta/<workspace>/<table>}. */
public record TableLocations(String root) {
  public static TableLocations of(CdpConfig config) {
    return new TableLocations(
        config
            .workDir()
            .toAbsolutePath()
            .normalize()
            .resolve("delta")
            .resolve(config.workspace())
            .toUri()
            .toString());
  }

  public String table(String name) {
    return root.endsWith("/") ? root + name : root + "/" + name;
  }

  public String events() {
    return table(EventsTable.NAME);
  }

  public String deadLetters() {
    return table(DeadLettersTable.NAME);
  }

  public String ingestLog() {
    return table(IngestLogTable.NAME);
  }
}
