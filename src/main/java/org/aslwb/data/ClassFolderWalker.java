package org.aslwb.data;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the image files under class folders, following symbolic links (a class folder is often a
 * link to photos kept elsewhere). Every folder is read at most once over the whole data set: a link
 * back to the data set, to an ancestor or to a folder read already is a loop or a repeat, reported
 * once and not followed, so no image is counted twice and no walk runs forever.
 */
final class ClassFolderWalker {
  private final List<UnreadableFile> problems;
  private final Set<Object> visited = new HashSet<>();

  /** A walker for the class folders of {@code root}; problems are added to {@code problems}. */
  ClassFolderWalker(Path root, List<UnreadableFile> problems) throws IOException {
    this.problems = problems;
    visited.add(identity(root, Files.readAttributes(root, BasicFileAttributes.class)));
  }

  /** The image files under {@code classFolder}, or null when the folder itself is a loop. */
  List<Path> images(Path classFolder) throws IOException {
    List<Path> images = new ArrayList<>();
    boolean[] loop = {false};
    Files.walkFileTree(
        classFolder,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!visited.add(identity(dir, attrs))) {
              reportLoop(dir);
              loop[0] |= dir.equals(classFolder);
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (DatasetScanner.isHidden(file) || !DatasetScanner.isImageName(file)) {
              return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink()) {
              // the walker could not follow it
              problems.add(
                  new UnreadableFile(
                      file, "broken symbolic link (its target does not exist): skipped"));
            } else if (attrs.isRegularFile()) {
              images.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
              reportLoop(file);
            } else {
              problems.add(
                  new UnreadableFile(
                      file,
                      PathProblem.ofFolder(file).orElse("cannot be read (" + e.getMessage() + ")")
                          + ": skipped"));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return loop[0] ? null : images;
  }

  private void reportLoop(Path link) {
    String target;
    try {
      target = link.toRealPath().toString();
    } catch (IOException e) {
      target = "?";
    }
    problems.add(
        new UnreadableFile(
            link,
            "symbolic link loop or repeat (leads to "
                + target
                + ", which is read already): not followed"));
  }

  /** The folder's identity on disk (device and inode where the file system has them). */
  private static Object identity(Path dir, BasicFileAttributes attrs) throws IOException {
    Object key = attrs.fileKey();
    return key != null ? key : dir.toRealPath();
  }
}
