package io.opencdp.resolve.spark;

import java.time.Duration;

/**
 * What a resolve run produced.
 *
 * @param runId the run
 * @param mode how it read the events ({@link ResolveMode#FULL} when an incremental run fell back)
 * @param changedEvents events read: the changed ones for an incremental run, all for a full one
 * @param profiles active profiles
 * @param events events that belong to a profile
 * @param created profile ids given out for the first time
 * @param merged profile ids merged into another (now aliases)
 * @param retired profile ids none of whose identifiers remain
 * @param componentRounds connected-components rounds
 * @param elapsed wall time
 */
public record ResolveReport(
    String runId,
    ResolveMode mode,
    long changedEvents,
    long profiles,
    long events,
    long created,
    long merged,
    long retired,
    int componentRounds,
    Duration elapsed) {}
