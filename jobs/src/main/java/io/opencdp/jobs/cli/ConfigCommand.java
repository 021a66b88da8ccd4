package io.opencdp.jobs.cli;

import io.opencdp.schemas.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Validate the config and print it with every default filled in.")
final class ConfigCommand implements Callable<Integer> {
  @ParentCommand CdpCli root;

  @Override
  public Integer call() throws Exception {
    System.out.print(Json.yaml().writeValueAsString(root.config()));
    return 0;
  }
}
