package io.opencdp.schemas.privacy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The salted hash under which the platform remembers an erased person's identifiers (the
 * suppression list, erasure requests; docs/privacy.md): HMAC-SHA256 of {@code <type>:<normalized
 * value>} keyed with the workspace's secret salt, in lowercase hex. A plain hash of an email is
 * reversed by hashing guesses; without the salt, which lives outside the lake, it is not. The one
 * place that hashes, so batch ingest, the stream, the erasure job and the API compute the same key.
 */
public final class IdentifierHasher implements Serializable {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int SALT_BYTES = 32;

  private final byte[] salt;

  /**
   * One keyed MAC per thread: ingest tasks and the stream hash every record while anyone is erased.
   */
  private transient ThreadLocal<Mac> macs;

  /** A hasher keyed with {@code salt} (at least 16 bytes). */
  public IdentifierHasher(byte[] salt) {
    requireNonNull(salt, "salt is null");
    if (salt.length < 16) {
      throw new IllegalArgumentException("a salt needs at least 16 bytes, got " + salt.length);
    }
    this.salt = salt.clone();
  }

  /**
   * The hasher of the salt in {@code saltFile} (base64), which is created with a new random salt,
   * readable by its owner only, when it does not exist. Concurrent first uses agree on one salt.
   */
  public static IdentifierHasher fromFile(Path saltFile) {
    try {
      if (!Files.exists(saltFile)) {
        create(saltFile);
      }
      String text = Files.readString(saltFile, StandardCharsets.US_ASCII).strip();
      return new IdentifierHasher(Base64.getDecoder().decode(text));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the privacy salt " + saltFile, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "the privacy salt " + saltFile + " is not 16 or more base64 bytes: " + e.getMessage(), e);
    }
  }

  private static void create(Path saltFile) throws IOException {
    Path dir = saltFile.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    Path temp = Files.createTempFile(dir, ".privacy-salt", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's permissions protect it
      }
      Files.writeString(temp, Base64.getEncoder().encodeToString(salt) + "\n");
      // no REPLACE_EXISTING: the first of two concurrent creators wins, the other reads its salt
      Files.move(temp, saltFile, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // another process created it first
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The 64 lowercase hex digits of HMAC-SHA256 over {@code <type>:<normalizedValue>}. */
  public String hash(String type, String normalizedValue) {
    requireNonNull(type, "type is null");
    requireNonNull(normalizedValue, "normalizedValue is null");
    byte[] digest = mac().doFinal((type + ":" + normalizedValue).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }

  private Mac mac() {
    if (macs == null) {
      // after deserialization in a task; a race only builds a second ThreadLocal
      macs = ThreadLocal.withInitial(this::newMac);
    }
    return macs.get();
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(salt, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has " + ALGORITHM, e);
    }
  }
}
