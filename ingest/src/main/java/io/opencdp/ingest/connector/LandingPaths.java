package io.opencdp.ingest.connector;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where landed files are and what they are called, for every reader of the landing area (the batch
 * ingest's scanner, the streaming job's file source): locations as URIs, a file's path relative to
 * the landing root, and which files are hidden or still being written. Plain Java, no file system.
 */
public final class LandingPaths {
  private LandingPaths() {}

  /** A location as a URI; a relative local path resolves against the working directory. */
  public static URI toUri(String location) {
    if (location.contains("://")) {
      return URI.create(location);
    }
    return Path.of(location).toAbsolutePath().normalize().toUri();
  }

  /** {@code uri}'s path below {@code root}, or {@code uri} itself when it is not below it. */
  public static String relativeTo(String root, String uri) {
    String prefix = root.endsWith("/") ? root : root + "/";
    // Hadoop writes local URIs as file:/x, java.net as file:///x: compare on the path part
    String rootPath = URI.create(prefix).getPath();
    String filePath = URI.create(uri).getPath();
    if (rootPath != null && filePath != null && filePath.startsWith(rootPath)) {
      return filePath.substring(rootPath.length());
    }
    return uri;
  }

  /**
   * Whether the file at {@code filePath}, or a directory it is in below {@code dirPath}, is hidden
   * ({@code .x}) or in progress ({@code _x}): such files are never read.
   */
  public static boolean hiddenOrInProgress(String dirPath, String filePath, String fileName) {
    String prefix = dirPath.endsWith("/") ? dirPath : dirPath + "/";
    String below = filePath.startsWith(prefix) ? filePath.substring(prefix.length()) : fileName;
    for (String name : below.split("/")) {
      if (name.startsWith(".") || name.startsWith("_")) {
        return true;
      }
    }
    return false;
  }
}
