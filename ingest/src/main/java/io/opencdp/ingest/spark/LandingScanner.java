package io.opencdp.ingest.spark;

import io.opencdp.ingest.connector.LandingPaths;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.config.SourceConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists the files of each source's landing directory through Hadoop's FileSystem, so a local path
 * and an {@code s3a://} URI work alike. Hidden files ({@code .x}) and in-progress files ({@code
 * _x}) are skipped, and so is every file under such a directory (a writer's {@code _temporary/} or
 * {@code .staging/}).
 */
public final class LandingScanner {
  private final IngestConfig ingest;
  private final Configuration hadoop;

  public LandingScanner(IngestConfig ingest, Configuration hadoop) {
    this.ingest = ingest;
    this.hadoop = hadoop;
  }

  /** The landing root as a URI; a relative local path resolves against the working directory. */
  URI landingRoot() {
    return toUri(ingest.landingRoot());
  }

  URI sourceDir(SourceConfig source) {
    return toUri(ingest.location(source));
  }

  /** The source's landing directory as a URI string. */
  public String sourceUri(SourceConfig source) {
    return sourceDir(source).toString();
  }

  public List<LandedFile> list(SourceConfig source) throws IOException {
    URI dir = sourceDir(source);
    org.apache.hadoop.fs.Path hadoopDir = new org.apache.hadoop.fs.Path(dir);
    FileSystem fs = hadoopDir.getFileSystem(hadoop);
    if (!fs.exists(hadoopDir)) {
      throw new CdpException(
          ErrorCode.INPUT_NOT_FOUND,
          "landing directory "
              + dir
              + " of source '"
              + source.name()
              + "' does not exist; create it or set ingest.sources."
              + source.name()
              + ".path");
    }
    String root = landingRoot().toString();
    List<LandedFile> files = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(hadoopDir, true);
    while (it.hasNext()) {
      LocatedFileStatus status = it.next();
      if (!status.isFile() || hiddenOrInProgress(hadoopDir, status.getPath())) {
        continue;
      }
      String uri = status.getPath().toUri().toString();
      files.add(
          new LandedFile(
              source.name(),
              uri,
              relativeTo(root, uri),
              status.getLen(),
              status.getModificationTime()));
    }
    files.sort(Comparator.comparing(LandedFile::uri));
    return files;
  }

  /** Whether the file, or a directory it is in below {@code dir}, is named .x or _x. */
  private static boolean hiddenOrInProgress(
      org.apache.hadoop.fs.Path dir, org.apache.hadoop.fs.Path file) {
    return LandingPaths.hiddenOrInProgress(
        dir.toUri().getPath(), file.toUri().getPath(), file.getName());
  }

  /** SHA-256 of a file's bytes, hex. */
  public String checksum(String uri) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(URI.create(uri));
    try (InputStream in = path.getFileSystem(hadoop).open(path);
        DigestInputStream digest = new DigestInputStream(in, sha256())) {
      byte[] buffer = new byte[1 << 16];
      while (digest.read(buffer) >= 0) {
        // reading feeds the digest
      }
      return HexFormat.of().formatHex(digest.getMessageDigest().digest());
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String relativeTo(String root, String uri) {
    return LandingPaths.relativeTo(root, uri);
  }

  private static URI toUri(String location) {
    return LandingPaths.toUri(location);
  }
}
