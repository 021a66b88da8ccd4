package io.opencdp.ingest.collector;

import io.opencdp.schemas.config.ConfigChecks;
import io.opencdp.schemas.event.WorkspaceId;

/**
 * Where a write key's messages go: a workspace and one of its Segment-format sources ({@code web}
 * or {@code app}). Dedup of messageIds is per source reference.
 */
record SourceRef(String workspace, String source) {
  SourceRef {
    WorkspaceId.check("workspace", workspace);
    ConfigChecks.notBlank("source", source);
  }

  @Override
  public String toString() {
    return workspace + "/" + source;
  }
}
