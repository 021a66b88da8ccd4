package io.opencdp.resolve.spark;

import static io.opencdp.resolve.spark.ResolveFixture.T0;
import static io.opencdp.resolve.spark.ResolveFixture.email;
import static io.opencdp.resolve.spark.ResolveFixture.event;
import static io.opencdp.resolve.spark.ResolveFixture.phone;
import static io.opencdp.resolve.spark.ResolveFixture.profile;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.resolve.stream.SeedFile;
import io.opencdp.resolve.stream.StitchOutcome.Placement;
import io.opencdp.resolve.stream.StreamIdLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ids the stream gave out, read by the batch: a person the stream saw first keeps the stream's id;
 * a stream id whose identifiers the batch joins to an older profile becomes its alias; an
 * identifier the identity map already holds keeps its batch id; a full rebuild changes nothing.
 */
class StreamProfileIdsTest {
  private static final String NEW_BY_STREAM = "p_5eea000000000001";
  private static final String JOINED_BY_BATCH = "p_5eea000000000002";

  private static ResolveFixture fx;
  private static Map<String, String> first;
  private static Map<String, String> second;
  private static Map<String, String> aliasesAfterSecond;
  private static Path streamDir;
  private static Path inProgress;
  private static long tableRows;
  private static boolean registered;
  private static Map<String, String> full;
  private static Map<String, String> aliasesAfterFull;

  @BeforeAll
  static void resolveWithStreamIds() throws IOException {
    fx = new ResolveFixture("stream-ids");
    fx.append(
        event("a-1", 0, email("a@mail.test"), phone("+15550100001")),
        event("b-1", 1, email("b@mail.test")));
    fx.run(ResolveMode.INCREMENTAL);
    first = fx.eventProfiles();

    // what the stream wrote meanwhile: c seen first by the stream; phone 2 taken for a new person
    // (the batch will see it with b's email); a's email (the identity map has it: ignored)
    String ws = fx.config.workspace();
    streamDir = Files.createDirectories(StreamIdLog.directory(fx.config.workDir()));
    Files.write(
        streamDir.resolve("ids-1-0.jsonl"),
        List.of(
            line(ws, NEW_BY_STREAM, "email:c@mail.test", 100),
            line(ws, NEW_BY_STREAM, "email:a@mail.test", 100),
            line(ws, JOINED_BY_BATCH, "phone:+15550100002", 200),
            line(ws, JOINED_BY_BATCH, "phone:+15550100002", 200)));
    inProgress = streamDir.resolve(".ids-2-0.jsonl.inprogress.x");
    Files.writeString(inProgress, line(ws, "p_5eea000000000003", "email:z@mail.test", 300));

    fx.append(
        event("c-1", 100, email("c@mail.test")),
        event("b-2", 200, email("b@mail.test"), phone("+15550100002")));
    fx.run(ResolveMode.INCREMENTAL);
    second = fx.eventProfiles();
    aliasesAfterSecond = fx.aliases();
    tableRows = fx.table(ResolveTables.STREAM_PROFILE_IDS).count();
    registered =
        !fx.table(ResolveTables.PROFILE_IDS)
            .where(col("profile_id").equalTo(NEW_BY_STREAM).and(col("status").equalTo("active")))
            .isEmpty();

    fx.run(ResolveMode.FULL);
    full = fx.eventProfiles();
    aliasesAfterFull = fx.aliases();
  }

  @Test
  void aPersonTheStreamSawFirstKeepsTheStreamsId() {
    assertThat(profile(second, "c-1")).isEqualTo(NEW_BY_STREAM);
    assertThat(registered).isTrue();
  }

  @Test
  void aStreamIdTheBatchJoinsToAnOlderProfileBecomesItsAlias() {
    String b = profile(first, "b-1");
    assertThat(profile(second, "b-2")).isEqualTo(b);
    assertThat(profile(second, "b-1")).isEqualTo(b);
    assertThat(aliasesAfterSecond).containsEntry(JOINED_BY_BATCH, b);
  }

  @Test
  void anIdentifierTheIdentityMapHoldsKeepsItsBatchId() {
    assertThat(profile(second, "a-1")).isEqualTo(profile(first, "a-1"));
  }

  @Test
  void finishedFilesAreMergedOnceAndDeletedInProgressOnesLeftAlone() {
    assertThat(tableRows).isEqualTo(3);
    assertThat(streamDir.resolve("ids-1-0.jsonl")).doesNotExist();
    assertThat(inProgress).exists();
  }

  @Test
  void aRunWhereAStreamRunsWritesItsSeedWithTheBatchsProfilesAndAliases() {
    // <work_dir>/stream exists (the stream's id files): the last seed is the full run's
    SeedFile.Loaded seed =
        SeedFile.read(SeedFile.newest(SeedFile.directory(fx.config.workDir())).orElseThrow());
    Map<String, String> placed = new TreeMap<>();
    seed.state()
        .events()
        .entries()
        .forEach((id, e) -> placed.put(id, e.profileId() == null ? "none" : e.profileId()));
    assertThat(placed).isEqualTo(full);
    aliasesAfterFull.forEach(
        (alias, survivor) -> assertThat(seed.state().formerIds().get(alias)).isEqualTo(survivor));
  }

  @Test
  void aFullRebuildKeepsWhatTheIncrementalRunDecided() {
    assertThat(full).isEqualTo(second);
    assertThat(aliasesAfterFull).isEqualTo(aliasesAfterSecond);
  }

  private static String line(String workspace, String profileId, String identifier, int minutes) {
    return StreamIdLog.line(
        workspace, new Placement(profileId, identifier), T0.plusSeconds(60L * minutes));
  }
}
