package io.opencdp.schemas.error;

/**
 * Every user-facing error of the platform has one of these codes. The CLI prints the code with the
 * message and exits non-zero; the API maps the code to an HTTP status and a JSON problem body.
 */
public enum ErrorCode {
  /** A config file key is missing, unknown or out of range. */
  CONFIG_INVALID(2),
  /** A command-line argument or API parameter is invalid. */
  BAD_ARGUMENT(2),
  /** An API request carries no API key, or one the API does not know. */
  UNAUTHENTICATED(2),
  /** An API key may not use this route or workspace. */
  FORBIDDEN(2),
  /** An API route or resource (a profile id) does not exist. */
  NOT_FOUND(3),
  /**
   * A request conflicts with the current state of a resource: a segment another one uses cannot be
   * deleted; a resource changed by someone else meanwhile.
   */
  CONFLICT(3),
  /** A file or directory the command needs does not exist or cannot be read. */
  INPUT_NOT_FOUND(3),
  /** A landing file that was ingested before has changed since; landing files are immutable. */
  INPUT_CHANGED(3),
  /** A network port the platform wants to bind is already in use. */
  PORT_IN_USE(4),
  /** The local Elasticsearch node could not be started, stopped or reached. */
  ELASTICSEARCH_UNAVAILABLE(5),
  /**
   * The indexer could not bring Elasticsearch in line with Delta: a document was rejected for good
   * (a mapping error) or, after a run, an index holds a different number of documents than Delta.
   */
  INDEX_FAILED(7),
  /** The streaming job ({@code cdp stream}) failed: a file it could not read, a write refused. */
  STREAM_FAILED(8),
  /** An operating-system operation (create a user, change ownership, spawn a process) failed. */
  ENVIRONMENT(6),
  /** Something the platform did not expect; a bug to report. */
  INTERNAL(70);

  private final int exitCode;

  ErrorCode(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The process exit code the CLI uses for this error. */
  public int exitCode() {
    return exitCode;
  }
}
