package io.opencdp.api.export;

import java.util.Locale;

/** Where an export is: {@code queued} → {@code running} → {@code succeeded} | {@code failed}. */
public enum ExportStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
