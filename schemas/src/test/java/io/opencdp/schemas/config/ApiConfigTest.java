package io.opencdp.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.error.CdpException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiConfigTest {
  private static final String HASH =
      "\"00000000000000000000000000000000000000000000000000000000000000a1\"";

  @TempDir Path dir;

  @Test
  void defaultsServeLoopbackWithTheThreeDemoKeys() {
    ApiConfig api = ConfigLoader.load(null, Map.of()).api();

    assertThat(api.host()).isEqualTo("127.0.0.1");
    assertThat(api.port()).isEqualTo(8080);
    assertThat(api.keys())
        .extracting(ApiConfig.ApiKey::id, ApiConfig.ApiKey::role)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("demo-agent", ApiConfig.Role.AGENT),
            org.assertj.core.groups.Tuple.tuple("demo-marketer", ApiConfig.Role.MARKETER),
            org.assertj.core.groups.Tuple.tuple("demo-admin", ApiConfig.Role.ADMIN));
    assertThat(api.maxPageSize()).isEqualTo(100);
  }

  @Test
  void rolesArePrintedInTheirConfigSpelling() throws Exception {
    String yaml =
        io.opencdp.schemas.json.Json.yaml().writeValueAsString(CdpConfig.defaults().api().keys());

    assertThat(yaml).contains("role: \"agent\"").doesNotContain("AGENT");
  }

  @Test
  void userKeysReplaceTheDemoKeys() throws IOException {
    Path file =
        write(
            "api:\n  port: 0\n  keys:\n    - {id: ops, sha256: "
                + HASH
                + ", role: admin, workspace: brand_b}\n");

    ApiConfig api = ConfigLoader.load(file, Map.of()).api();

    assertThat(api.port()).isZero();
    assertThat(api.keys())
        .singleElement()
        .satisfies(k -> assertThat(k.workspace()).isEqualTo("brand_b"));
  }

  @Test
  void plainKeyInsteadOfHashIsRejectedNamingTheKey() throws IOException {
    Path file =
        write(
            "api:\n  keys:\n    - {id: ops, sha256: my-secret, role: admin, workspace: default}\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("api.keys.sha256 of key 'ops'")
        .hasMessageNotContaining("my-secret");
  }

  @Test
  void unknownRoleIsRejectedNamingTheKey() throws IOException {
    Path file =
        write(
            "api:\n  keys:\n    - {id: ops, sha256: "
                + HASH
                + ", role: root, workspace: default}\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("api.keys")
        .hasMessageContaining("role");
  }

  @Test
  void repeatedIdIsRejected() throws IOException {
    String entry = "    - {id: ops, sha256: " + HASH + ", role: admin, workspace: default}\n";
    Path file = write("api:\n  keys:\n" + entry + entry.replace("a1", "a2"));

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("api.keys[1] repeats the id 'ops'");
  }

  @Test
  void outOfRangeLimitNamesTheKey() throws IOException {
    Path file = write("api:\n  max_page_size: 0\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("api.max_page_size must be between 1 and 10000");
  }

  @Test
  void unknownApiKeyIsRejected() throws IOException {
    Path file = write("api:\n  prot: 1\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("api.prot");
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("cdp.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
