package io.opencdp.schemas.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentifierHasherTest {
  @TempDir Path dir;

  @Test
  void theSaltFileIsCreatedOnceOwnerOnlyAndGivesStableHashes() throws Exception {
    Path file = dir.resolve("secrets").resolve("privacy-salt");
    String first = IdentifierHasher.fromFile(file).hash("email", "ann@example.com");
    String again = IdentifierHasher.fromFile(file).hash("email", "ann@example.com");

    assertEquals(first, again);
    assertTrue(first.matches("[0-9a-f]{64}"), first);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void theTypeTheValueAndTheSaltAllChangeTheHash() {
    IdentifierHasher one = new IdentifierHasher(new byte[16]);
    byte[] other = new byte[16];
    other[0] = 1;
    String hash = one.hash("email", "ann@example.com");

    assertNotEquals(hash, one.hash("email", "bob@example.com"));
    assertNotEquals(hash, one.hash("customer_id", "ann@example.com"));
    assertNotEquals(hash, new IdentifierHasher(other).hash("email", "ann@example.com"));
  }

  @Test
  void aShortOrUnreadableSaltIsRefused() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> new IdentifierHasher(new byte[8]));
    Path bad = dir.resolve("bad-salt");
    Files.writeString(bad, "not base64!");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> IdentifierHasher.fromFile(bad));
    assertTrue(e.getMessage().contains("bad-salt"), e.getMessage());
  }
}
