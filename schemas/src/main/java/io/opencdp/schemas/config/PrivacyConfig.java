package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.opencdp.schemas.event.ConsentChange;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Privacy ({@code privacy}; docs/privacy.md): the secret salt of identifier hashes, how long erased
 * data may stay physically readable, the named consent purposes, event retention and the audit log.
 *
 * @param saltFile the file holding the workspace's secret salt of identifier hashes (suppression
 *     list, erasure requests); null means {@code <work_dir>/secrets/privacy-salt}, created on first
 *     use readable by its owner only. Kept outside the lake: a plain hash of an email is reversed
 *     by guessing.
 * @param deletedFileRetention how long Delta keeps the files of deleted rows readable by time
 *     travel before {@code VACUUM} may remove them ({@code delta.deletedFileRetentionDuration})
 * @param logRetention how long {@code _delta_log} entries (whose file statistics can hold erased
 *     values) are kept ({@code delta.logRetentionDuration})
 * @param purposes the consent purposes by name, in config order: which consent records ({@code
 *     purpose}, {@code channel}) each one reads ({@code
 *     io.opencdp.schemas.privacy.ConsentPurposes})
 * @param eventsMaxAge events older than this are removed by the retention job; null keeps them
 * @param auditPiiReads whether every profile read by a key with PII access is written to the audit
 *     log
 */
public record PrivacyConfig(
    Path saltFile,
    Duration deletedFileRetention,
    Duration logRetention,
    Map<String, ConsentPurpose> purposes,
    Duration eventsMaxAge,
    boolean auditPiiReads)
    implements Serializable {

  /**
   * A named consent purpose: granted when the consent record ({@code purpose}, {@code channel}) is
   * granted, by the rule of {@code GoldenProfile.consentGranted} (latest change by event time wins,
   * no record means not granted).
   *
   * @param purpose the consent records' purpose, e.g. {@code marketing}
   * @param channel the channel, e.g. {@code email}; null for the purpose on every channel
   */
  public record ConsentPurpose(String purpose, String channel) implements Serializable {
    public ConsentPurpose {
      if (!ConsentChange.isPurpose(purpose)) {
        throw new IllegalArgumentException("not a consent purpose: '" + purpose + "'");
      }
      if (channel != null && !ConsentChange.isChannel(channel)) {
        throw new IllegalArgumentException("not a consent channel: '" + channel + "'");
      }
    }

    @JsonCreator
    static ConsentPurpose fromConfig(
        @JsonProperty("purpose") String purpose, @JsonProperty("channel") String channel) {
      return new ConsentPurpose(purpose, channel == null || channel.isBlank() ? null : channel);
    }
  }

  public PrivacyConfig {
    requireNonNull(
        deletedFileRetention, "privacy.erasure.deleted_file_retention_hours is required");
    requireNonNull(logRetention, "privacy.erasure.log_retention_hours is required");
    purposes =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(requireNonNull(purposes, "privacy.purposes is required")));
    if (eventsMaxAge != null && (eventsMaxAge.isNegative() || eventsMaxAge.isZero())) {
      throw new IllegalArgumentException(
          "privacy.retention.events_max_age_days must be positive, got " + eventsMaxAge);
    }
  }

  /** The salt file: {@code saltFile}, else under {@code workDir}. */
  public Path saltFileIn(Path workDir) {
    return saltFile != null ? saltFile : workDir.resolve("secrets").resolve("privacy-salt");
  }

  /** Binds the {@code privacy} section; every message names the full key. */
  @JsonCreator
  static PrivacyConfig fromConfig(
      @JsonProperty("salt_file") String saltFile,
      @JsonProperty("erasure") Erasure erasure,
      @JsonProperty("purposes") LinkedHashMap<String, ConsentPurpose> purposes,
      @JsonProperty("retention") Retention retention,
      @JsonProperty("audit") Audit audit) {
    requireNonNull(erasure, "privacy.erasure is required");
    requireNonNull(retention, "privacy.retention is required");
    requireNonNull(audit, "privacy.audit is required");
    if (purposes != null) {
      purposes.keySet().forEach(name -> ConfigChecks.identifier("privacy.purposes", name));
    }
    ConfigChecks.range(
        "privacy.erasure.deleted_file_retention_hours",
        erasure.deletedFileRetentionHours,
        0,
        87_600);
    ConfigChecks.range("privacy.erasure.log_retention_hours", erasure.logRetentionHours, 0, 87_600);
    if (retention.eventsMaxAgeDays != null) {
      ConfigChecks.range(
          "privacy.retention.events_max_age_days", retention.eventsMaxAgeDays, 1, 36_500);
    }
    return new PrivacyConfig(
        saltFile == null || saltFile.isBlank() ? null : Path.of(saltFile),
        Duration.ofHours(erasure.deletedFileRetentionHours),
        Duration.ofHours(erasure.logRetentionHours),
        purposes == null ? Map.of() : purposes,
        retention.eventsMaxAgeDays == null ? null : Duration.ofDays(retention.eventsMaxAgeDays),
        audit.piiReads);
  }

  /** {@code privacy.erasure}. */
  record Erasure(long deletedFileRetentionHours, long logRetentionHours) {
    @JsonCreator
    static Erasure fromConfig(
        @JsonProperty("deleted_file_retention_hours") long deletedFileRetentionHours,
        @JsonProperty("log_retention_hours") long logRetentionHours) {
      return new Erasure(deletedFileRetentionHours, logRetentionHours);
    }
  }

  /** {@code privacy.retention}. */
  record Retention(Long eventsMaxAgeDays) {
    @JsonCreator
    static Retention fromConfig(@JsonProperty("events_max_age_days") Long eventsMaxAgeDays) {
      return new Retention(eventsMaxAgeDays);
    }
  }

  /** {@code privacy.audit}. */
  record Audit(boolean piiReads) {
    @JsonCreator
    static Audit fromConfig(@JsonProperty("pii_reads") boolean piiReads) {
      return new Audit(piiReads);
    }
  }
}
