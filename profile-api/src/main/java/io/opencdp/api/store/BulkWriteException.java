package io.opencdp.api.store;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.util.List;

/**
 * Elasticsearch rejected documents for good (not a 429 or 5xx, or still after every retry). The
 * message names the first document, its index and the reason, e.g. a strict mapping refusing an
 * unknown field.
 */
public final class BulkWriteException extends CdpException {
  private final List<BulkWriter.Failure> failures;

  BulkWriteException(List<BulkWriter.Failure> failures) {
    super(ErrorCode.INDEX_FAILED, message(failures));
    this.failures = List.copyOf(requireNonNull(failures, "failures is null"));
  }

  /** The failures seen (at most the first 100). */
  public List<BulkWriter.Failure> failures() {
    return failures;
  }

  private static String message(List<BulkWriter.Failure> failures) {
    BulkWriter.Failure first = failures.get(0);
    String more = failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : "";
    return "Elasticsearch rejected document '"
        + first.id()
        + "' in index "
        + first.index()
        + ": "
        + first.reason()
        + " (status "
        + first.status()
        + ")"
        + more
        + "; fix the document or the mapping (docs/profile-store.md) and run `cdp index --full`";
  }
}
