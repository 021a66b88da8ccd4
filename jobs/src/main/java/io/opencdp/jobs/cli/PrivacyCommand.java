package io.opencdp.jobs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code cdp privacy}: erasure, retention and the audit log (docs/privacy.md). */
@Command(
    name = "privacy",
    mixinStandardHelpOptions = true,
    description = "Privacy (docs/privacy.md): erasure, retention, the audit log.",
    subcommands = {EraseCommand.class, RetentionCommand.class, AuditSyncCommand.class})
final class PrivacyCommand {
  @ParentCommand CdpCli root;
}
