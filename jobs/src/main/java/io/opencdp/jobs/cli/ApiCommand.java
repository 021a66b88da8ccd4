package io.opencdp.jobs.cli;

import io.opencdp.api.ApiKeys;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    description = "Profile API helpers. `cdp serve` runs the API itself.")
final class ApiCommand {
  @Command(
      name = "hash-key",
      mixinStandardHelpOptions = true,
      description = {
        "Print the api.keys entry of a key: its SHA-256 is all cdp.yaml stores.",
        "Without KEY, makes a new random key and prints it once; keep it, it is not stored."
      })
  int hashKey(
      @Parameters(arity = "0..1", paramLabel = "KEY", description = "An existing key.") String key,
      @Option(
              names = "--id",
              defaultValue = "my-key",
              description = "The entry's id (default: ${DEFAULT-VALUE}).")
          String id,
      @Option(
              names = "--role",
              defaultValue = "agent",
              description = "agent | marketer | admin (default: ${DEFAULT-VALUE}).")
          String role,
      @Option(
              names = "--workspace",
              defaultValue = "default",
              description = "The key's workspace (default: ${DEFAULT-VALUE}).")
          String workspace) {
    String plain = key == null ? ApiKeys.newKey() : key;
    ApiConfig.ApiKey entry;
    try {
      entry =
          new ApiConfig.ApiKey(id, ApiKeys.sha256Hex(plain), ApiConfig.Role.parse(role), workspace);
    } catch (IllegalArgumentException e) {
      throw new CdpException(ErrorCode.BAD_ARGUMENT, e.getMessage().replace("api.keys.", "--"));
    }
    if (key == null) {
      System.out.println("new key (shown once; give it to the client): " + plain);
    }
    System.out.println("api.keys entry for cdp.yaml:");
    System.out.println(
        "    - {id: "
            + entry.id()
            + ", sha256: \""
            + entry.sha256()
            + "\", role: "
            + entry.role().wireName()
            + ", workspace: "
            + entry.workspace()
            + "}");
    return 0;
  }
}
