package io.opencdp.jobs.cli;

import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.jobs.privacy.ErasureJob;
import io.opencdp.jobs.privacy.ErasureQueueDrain;
import io.opencdp.jobs.privacy.ErasureRequest;
import io.opencdp.jobs.privacy.ErasureState;
import io.opencdp.jobs.privacy.QueuedErasures;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.overrides.IdentifierArgument;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code cdp privacy erase}: erasure requests, and their physical completion. */
@Command(
    name = "erase",
    mixinStandardHelpOptions = true,
    description = {
      "Erase a person (docs/privacy.md, \"Erasure\"): their rows in every Delta table, their documents in",
      "every Elasticsearch index, their records in the landing files, exports and stream seeds; their",
      "identifiers go to the suppression list (salted hashes) so ingest never stores them again. The request",
      "is recorded in erasure_requests and ends pending_physical_delete; `cdp privacy erase --complete`",
      "purges the deleted data physically (VACUUM, log expiry) once privacy.erasure.* hours have passed and",
      "marks the requests done. Identifiers are TYPE:VALUE, normalized as ingest normalizes them."
    })
final class EraseCommand implements Callable<Integer> {
  @ParentCommand PrivacyCommand parent;

  @Option(
      names = "--identifier",
      paramLabel = "TYPE:VALUE",
      description = "The person, by one of their identifiers.")
  String identifier;

  @Option(names = "--profile-id", paramLabel = "ID", description = "The person, by profile id.")
  String profileId;

  @Option(
      names = "--requested-by",
      defaultValue = "cli",
      paramLabel = "WHO",
      description = "Who asked (default: ${DEFAULT-VALUE}).")
  String requestedBy;

  @Option(
      names = "--complete",
      description =
          "Instead of a new request: purge physically and mark done the pending requests whose"
              + " horizon has passed.")
  boolean complete;

  @Option(
      names = "--queued",
      description =
          "Instead of a new request: carry out the requests queued through the API (DELETE"
              + " /v1/profiles/{id}, POST /v1/privacy/erasures); every `cdp resolve` does too.")
  boolean queued;

  @Override
  public Integer call() {
    CdpConfig config = parent.root.config();
    int named = (identifier == null ? 0 : 1) + (profileId == null ? 0 : 1);
    boolean alone = complete || queued;
    if (complete && queued || (alone ? named != 0 : named != 1)) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          "give exactly one of --identifier TYPE:VALUE and --profile-id ID, or --complete or"
              + " --queued alone");
    }
    IdentifierKey key = identifier == null ? null : IdentifierArgument.parse(identifier);
    SparkSession spark = SparkSessions.create("cdp-erase", config.spark(), config.workDir());
    try {
      String esUrl = ServeCommand.esUrl(config);
      ErasureJob job = new ErasureJob(spark, config, esUrl);
      QueuedErasures queue = new QueuedErasures(spark, config, esUrl, Clock.systemUTC());
      if (queued) {
        ErasureQueueDrain.Result drained = queue.run();
        System.out.printf(
            "%d queued erasure request(s) carried out, %d failed (left queued)%s%n",
            drained.carriedOut(),
            drained.failed(),
            drained.reachable() ? "" : "; Elasticsearch does not answer, the queue waits");
        return drained.failed() > 0 ? 1 : 0;
      }
      if (complete) {
        List<ErasureState> done = job.complete(Instant.now());
        queue.follow(done);
        System.out.printf("%d erasure request(s) done%n", done.size());
        done.forEach(s -> System.out.printf("  %s: %s%n", s.requestId(), s.message()));
        return 0;
      }
      ErasureRequest request;
      if (key != null) {
        request =
            ErasureRequest.ofIdentifier(
                key.type().wireName(), key.value(), requestedBy, Instant.now());
      } else {
        request = ErasureRequest.ofProfile(profileId.strip(), requestedBy, Instant.now());
      }
      ErasureState state = job.erase(request);
      System.out.printf(
          "erasure %s: %s; profiles %s; removed %s%n",
          state.requestId(), state.status(), state.profileIds(), state.removed());
      if (state.message() != null) {
        System.out.println(state.message());
      }
      return ErasureState.REJECTED.equals(state.status()) ? 1 : 0;
    } finally {
      spark.stop();
    }
  }
}
