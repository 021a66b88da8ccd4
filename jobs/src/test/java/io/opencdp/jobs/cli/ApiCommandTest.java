package io.opencdp.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream originalOut;

  @BeforeEach
  void captureOut() {
    originalOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreOut() {
    System.setOut(originalOut);
  }

  @Test
  void hashKeyPrintsTheConfigEntryOfAGivenKey() {
    int exit =
        CdpCli.run("api", "hash-key", "cdp_demo_admin_key", "--id", "ops", "--role", "admin");

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "- {id: ops, sha256: \"10dadcce254277d51459f949e329aac0ad971cb8cab86419ab78772c53c2b072\","
                + " role: admin, workspace: default}")
        .doesNotContain("new key");
  }

  @Test
  void hashKeyWithoutAKeyMakesANewOne() {
    int exit = CdpCli.run("api", "hash-key");

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("new key").contains("cdp_");
  }

  @Test
  void hashKeyRejectsAnUnknownRoleNamingTheOption() {
    int exit = CdpCli.run("api", "hash-key", "some-key", "--role", "root");

    assertThat(exit).isEqualTo(2);
  }
}
