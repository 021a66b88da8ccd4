package io.opencdp.jobs.cli;

import io.opencdp.api.SuppressionList;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "suppressions",
    mixinStandardHelpOptions = true,
    description = {
      "Manage the suppression list: identifiers no export (google, meta, csv) ever sends.",
      "Identifiers are TYPE:VALUE (customer_id, loyalty_id, email, phone, device_id, anonymous_id), normalized",
      "as ingest normalizes them (a phone without country code is read in api.default_phone_region); only the",
      "SHA-256 of type and value is kept (docs/segments.md, \"Suppression list\")."
    })
final class SuppressionsCommand {
  /** How long one call to Elasticsearch may take. */
  static final int TIMEOUT_MILLIS = 30_000;

  @ParentCommand CdpCli root;

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Suppress an identifier (already suppressed: nothing changes).")
  int add(
      @Option(names = "--identifier", required = true, paramLabel = "TYPE:VALUE") String identifier,
      @Option(
              names = "--reason",
              required = true,
              paramLabel = "REASON",
              description = "manual, unsubscribe, hard_bounce, spam_report or erasure.")
          String reason,
      @Option(
              names = "--source",
              defaultValue = "cli",
              paramLabel = "NAME",
              description = "Where it came from (default: ${DEFAULT-VALUE}).")
          String source) {
    String[] typeAndValue = split(identifier);
    SuppressionList.Added added =
        withList(
            list ->
                list.add(
                    typeAndValue[0],
                    typeAndValue[1],
                    reason,
                    source,
                    "cli:" + System.getProperty("user.name", "unknown")));
    SuppressionList.Entry entry = added.entry();
    System.out.printf(
        "%s %s %s (%s, added %s by %s)%n",
        added.created() ? "suppressed" : "already suppressed:",
        entry.identifierType(),
        entry.valueHash(),
        entry.reason(),
        entry.addedAt(),
        entry.addedBy());
    return 0;
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description =
          "Lift the suppression of an identifier; exit code 1 when it was not suppressed.")
  int remove(
      @Option(names = "--identifier", required = true, paramLabel = "TYPE:VALUE")
          String identifier) {
    String[] typeAndValue = split(identifier);
    boolean removed = withList(list -> list.remove(typeAndValue[0], typeAndValue[1]));
    System.out.println(
        removed
            ? "lifted the suppression of that " + typeAndValue[0]
            : "that " + typeAndValue[0] + " is not on the suppression list");
    return removed ? 0 : 1;
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Print the list, oldest first: type, value hash, reason, source, added by, added at.")
  int list(
      @Option(
              names = "--limit",
              defaultValue = "1000",
              paramLabel = "N",
              description = "Print at most N entries (default: ${DEFAULT-VALUE}).")
          int limit) {
    if (limit < 1) {
      throw new CdpException(ErrorCode.BAD_ARGUMENT, "--limit must be at least 1, got " + limit);
    }
    int printed =
        withList(
            list -> {
              int n = 0;
              String cursor = null;
              do {
                SuppressionList.Listing page = list.list(Math.min(500, limit - n), cursor);
                for (SuppressionList.Entry e : page.entries()) {
                  System.out.printf(
                      "%s\t%s\t%s\t%s\t%s\t%s%n",
                      e.identifierType(),
                      e.valueHash(),
                      e.reason(),
                      e.source(),
                      e.addedBy(),
                      e.addedAt());
                  n++;
                }
                cursor = page.nextCursor();
              } while (cursor != null && n < limit);
              return n;
            });
    System.out.println(printed + " suppressed identifier(s)");
    return 0;
  }

  /** {@code TYPE:VALUE} as {type, value}; a {@code BAD_ARGUMENT} when there is no colon. */
  static String[] split(String identifier) {
    int colon = identifier == null ? -1 : identifier.indexOf(':');
    if (colon <= 0) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          "--identifier '"
              + identifier
              + "' must be TYPE:VALUE, e.g. email:ann@mail.test or phone:+15550100001");
    }
    return new String[] {identifier.substring(0, colon).strip(), identifier.substring(colon + 1)};
  }

  private <T> T withList(Function<SuppressionList, T> action) {
    CdpConfig config = root.config();
    try (EsConnection es = EsConnection.open(ServeCommand.esUrl(config), TIMEOUT_MILLIS)) {
      return action.apply(
          SuppressionList.of(
              es.client(),
              new StoreIndices(config.workspace()),
              config.api().defaultPhoneRegion()));
    }
  }
}
