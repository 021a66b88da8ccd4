package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;

/**
 * Audience exports ({@code exports}; docs/segments.md, "Audience exports").
 *
 * @param consentPurpose the consent purpose a member must have granted to be exported ({@code
 *     consent_purpose})
 * @param directory where the API writes export files; null means {@code <work_dir>/exports} ({@code
 *     directory})
 */
public record ExportsConfig(String consentPurpose, Path directory) {
  public ExportsConfig {
    requireNonNull(consentPurpose, "exports.consent_purpose is required");
  }

  /**
   * The directory the API writes export files to: {@code directory}, else under {@code workDir}.
   */
  public Path directoryIn(Path workDir) {
    return directory != null ? directory : workDir.resolve("exports");
  }

  /** Binds the {@code exports} section; every message names the full key. */
  @JsonCreator
  static ExportsConfig fromConfig(
      @JsonProperty("consent_purpose") String consentPurpose,
      @JsonProperty("directory") String directory) {
    ConfigChecks.identifier("exports.consent_purpose", consentPurpose);
    return new ExportsConfig(
        consentPurpose, directory == null || directory.isBlank() ? null : Path.of(directory));
  }
}
