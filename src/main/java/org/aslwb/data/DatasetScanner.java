package org.aslwb.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lists a data set folder: classes from sub-folder names (sorted), or from {@code CLASS_test.jpg}
 * names when the folder is flat. Reads no pixels.
 */
public final class DatasetScanner {
  /** File extensions treated as images (case-insensitive). */
  public static final Set<String> IMAGE_EXTENSIONS =
      Set.of("jpg", "jpeg", "png", "bmp", "gif", "wbmp");

  private static final Pattern FLAT_TEST_NAME = Pattern.compile("(.+)_test\\.[A-Za-z]+");

  private DatasetScanner() {}

  /**
   * Scans {@code root}.
   *
   * @throws IllegalArgumentException when the folder does not exist, is a file or holds no images
   */
  public static DatasetIndex scan(Path root) throws IOException {
    PathProblem.requireFolder(root);
    List<Path> dirs;
    List<Path> images;
    List<UnreadableFile> brokenLinks;
    try (Stream<Path> children = Files.list(root)) {
      List<Path> all = children.filter(p -> !isHidden(p)).sorted().toList();
      dirs = all.stream().filter(Files::isDirectory).toList();
      images = all.stream().filter(DatasetScanner::isImageName).toList();
      brokenLinks =
          all.stream()
              .filter(p -> !isImageName(p) && Files.isSymbolicLink(p) && !Files.exists(p))
              .map(p -> new UnreadableFile(p, PathProblem.ofFile(p).orElseThrow() + ": skipped"))
              .toList();
    }
    DatasetIndex index = dirs.isEmpty() ? scanFlat(root, images) : scanFolders(root, dirs);
    if (!brokenLinks.isEmpty()) {
      List<UnreadableFile> problems = new ArrayList<>(brokenLinks);
      problems.addAll(index.problems());
      index =
          new DatasetIndex(
              root, index.layout(), index.classNames(), index.files(), List.copyOf(problems));
    }
    if (index.files().isEmpty()) {
      throw new IllegalArgumentException(
          root + ": no image files found (expected one folder per class)");
    }
    return index;
  }

  private static DatasetIndex scanFolders(Path root, List<Path> dirs) throws IOException {
    List<String> classNames = new ArrayList<>();
    List<LabeledFile> files = new ArrayList<>();
    List<UnreadableFile> problems = new ArrayList<>();
    ClassFolderWalker walker = new ClassFolderWalker(root, problems);
    for (Path dir : dirs) {
      List<Path> images = walker.images(dir);
      if (images == null) {
        continue; // a link loop, reported by the walker
      }
      images =
          images.stream()
              .sorted(Comparator.comparing(p -> NaturalOrder.key(dir.relativize(p).toString())))
              .toList();
      if (images.isEmpty()) {
        problems.add(new UnreadableFile(dir, "empty class folder (no images): class skipped"));
        continue;
      }
      int label = classNames.size();
      classNames.add(dir.getFileName().toString());
      for (Path image : images) {
        files.add(new LabeledFile(image, label));
      }
    }
    return new DatasetIndex(
        root, DatasetIndex.Layout.FOLDER_PER_CLASS, classNames, files, problems);
  }

  private static DatasetIndex scanFlat(Path root, List<Path> images) {
    TreeMap<String, List<Path>> byClass = new TreeMap<>();
    List<UnreadableFile> problems = new ArrayList<>();
    for (Path image : images) {
      Matcher m = FLAT_TEST_NAME.matcher(image.getFileName().toString());
      if (m.matches()) {
        byClass.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(image);
      } else {
        problems.add(
            new UnreadableFile(image, "flat folder file not named CLASS_test.EXT: skipped"));
      }
    }
    List<String> classNames = new ArrayList<>(byClass.keySet());
    List<LabeledFile> files = new ArrayList<>();
    for (int label = 0; label < classNames.size(); label++) {
      for (Path p : byClass.get(classNames.get(label))) {
        files.add(new LabeledFile(p, label));
      }
    }
    return new DatasetIndex(root, DatasetIndex.Layout.FLAT_TEST, classNames, files, problems);
  }

  /** Whether the name has an image extension. */
  public static boolean isImageName(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  static boolean isHidden(Path p) {
    return p.getFileName().toString().startsWith(".");
  }

  /** Orders "A2" before "A10": the photos are numbered video frames. */
  static final class NaturalOrder {
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private NaturalOrder() {}

    static String key(String name) {
      Matcher m = DIGITS.matcher(name);
      StringBuilder sb = new StringBuilder();
      int last = 0;
      while (m.find()) {
        sb.append(name, last, m.start());
        String digits = m.group().replaceFirst("^0+(?=\\d)", "");
        sb.append((char) ('0' + Math.min(digits.length(), 40))).append(digits);
        last = m.end();
      }
      sb.append(name.substring(last));
      return sb.toString();
    }
  }
}
