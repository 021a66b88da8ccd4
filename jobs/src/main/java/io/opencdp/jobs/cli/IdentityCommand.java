package io.opencdp.jobs.cli;

import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.resolve.guardrail.BlockedValues;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.overrides.IdentifierArgument;
import io.opencdp.resolve.spark.IdentityOverride;
import io.opencdp.resolve.spark.IdentityOverrides;
import io.opencdp.schemas.config.CdpConfig;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "identity",
    mixinStandardHelpOptions = true,
    description = {
      "Record an operator's identity decision in identity_overrides; every later `cdp resolve` honours it",
      "(the links it refuses are in identity_link_audit with rule never_link_override or split_override).",
      "Identifiers are TYPE:VALUE (customer_id, loyalty_id, email, phone, device_id, anonymous_id), normalized",
      "as ingest normalizes them (a phone without country code is read as US)."
    })
final class IdentityCommand {
  @ParentCommand CdpCli root;

  @Command(
      name = "never-link",
      mixinStandardHelpOptions = true,
      description = "Two identifiers are never in one profile: the profile holding both splits.")
  int neverLink(
      @Option(names = "--left", required = true, paramLabel = "TYPE:VALUE") String left,
      @Option(names = "--right", required = true, paramLabel = "TYPE:VALUE") String right,
      @Option(
              names = "--reason",
              paramLabel = "TEXT",
              description = "Why (kept with the override).")
          String reason) {
    CdpConfig config = root.config();
    BlockedValues blocked = BlockedValues.from(config.resolve().guardrails());
    IdentifierKey l = IdentifierArgument.parse(left, blocked);
    IdentifierKey r = IdentifierArgument.parse(right, blocked);
    IdentityOverride recorded = withSpark(config, o -> o.neverLink(l, r, reason));
    System.out.printf(
        "recorded never_link override %s: %s and %s; run `cdp resolve` to apply it%n",
        recorded.overrideId(), l, r);
    return 0;
  }

  @Command(
      name = "split",
      mixinStandardHelpOptions = true,
      description = {
        "Move identifiers out of a profile: they are never again in one profile with the identifiers",
        "that stay. An alias (a merged-away id) is resolved to its surviving profile."
      })
  int split(
      @Option(names = "--profile", required = true, paramLabel = "ID") String profile,
      @Option(
              names = "--identifier",
              required = true,
              paramLabel = "TYPE:VALUE",
              description = "Repeat for several.")
          List<String> identifiers,
      @Option(
              names = "--reason",
              paramLabel = "TEXT",
              description = "Why (kept with the override).")
          String reason) {
    CdpConfig config = root.config();
    BlockedValues blocked = BlockedValues.from(config.resolve().guardrails());
    List<IdentifierKey> moved =
        identifiers.stream().map(i -> IdentifierArgument.parse(i, blocked)).distinct().toList();
    IdentityOverride recorded = withSpark(config, o -> o.split(profile, moved, reason));
    System.out.printf(
        "recorded force_split override %s: %d identifier(s) out of profile %s, %d stay; run `cdp"
            + " resolve` to apply it%n",
        recorded.overrideId(), moved.size(), recorded.profileId(), recorded.kept());
    return 0;
  }

  @Command(
      name = "withdraw",
      mixinStandardHelpOptions = true,
      description = {
        "Withdraw an override: the next `cdp resolve` no longer applies it, so what it kept apart may",
        "join again. The row stays in identity_overrides with active = false; who withdrew it and why",
        "are in the table's history (DESCRIBE HISTORY, userMetadata)."
      })
  int withdraw(
      @Option(
              names = "--override",
              required = true,
              paramLabel = "ID",
              description = "The override id `never-link` or `split` printed.")
          String overrideId,
      @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the history).")
          String reason) {
    CdpConfig config = root.config();
    SparkSession spark = SparkSessions.create("cdp-identity", config.spark(), config.workDir());
    try {
      new IdentityOverrides(spark, config).withdraw(overrideId, reason);
    } finally {
      spark.stop();
    }
    System.out.printf(
        "withdrew override %s; run `cdp resolve` to re-resolve without it%n", overrideId);
    return 0;
  }

  private static IdentityOverride withSpark(
      CdpConfig config, Function<IdentityOverrides, IdentityOverride> action) {
    SparkSession spark = SparkSessions.create("cdp-identity", config.spark(), config.workDir());
    try {
      return action.apply(new IdentityOverrides(spark, config));
    } finally {
      spark.stop();
    }
  }
}
