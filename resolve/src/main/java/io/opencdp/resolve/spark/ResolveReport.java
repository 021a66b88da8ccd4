package io.opencdp.resolve.spark;

import java.time.Duration;

/** What a resolve run produced. */
public record ResolveReport(long profiles, long events, int componentRounds, Duration elapsed) {}
