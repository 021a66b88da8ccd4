package io.opencdp.ingest.generator;

/**
 * How a person uses the channels: an activity multiplier (log-normal, mean 1) and which channels
 * they use, with their browsers and own phone.
 */
record Habits(
    double activity,
    boolean web,
    boolean app,
    boolean emailSubscriber,
    boolean pos,
    int homeStore,
    Device phoneDevice,
    String[] webAnonymousIds,
    String[] userAgents,
    String ip,
    long accountCreatedMs,
    boolean signupInWindow) {}
