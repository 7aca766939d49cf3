package org.aslwb.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aslwb.data.DatasetIndex;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.DatasetScanner;
import org.aslwb.data.LoadedDataset;
import org.aslwb.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aslwb dataset inspect DIR}. */
@Command(
    name = "dataset",
    description = "Data set commands.",
    subcommands = DatasetCommand.Inspect.class)
final class DatasetCommand {
  /** Lists classes, counts and unreadable files (every image is decoded to find them). */
  @Command(
      name = "inspect",
      description = "Classes, counts per class, unreadable files with reasons.")
  static final class Inspect implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "folder with one sub-folder per class")
    Path dir;

    @Option(
        names = "--size",
        defaultValue = "64",
        description = "decode at this size (fills the cache)")
    int size;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
      DatasetIndex index = DatasetScanner.scan(dir);
      long started = System.nanoTime();
      LoadedDataset data =
          new DatasetLoader().load(index, size, size, 3, Output.progress(), Cancellation.none());
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<String, Integer> counts = new LinkedHashMap<>();
      int[] usable = new int[index.classNames().size()];
      for (var s : data.samples()) {
        usable[s.label()]++;
      }
      for (int c = 0; c < usable.length; c++) {
        counts.put(index.classNames().get(c), usable[c]);
      }
      List<Map<String, String>> unreadable =
          data.unreadable().stream()
              .map(u -> Map.of("file", u.file().toString(), "reason", u.reason()))
              .toList();
      Output.say(
          "%s: %d classes, %d images, %d unreadable (%s layout), loaded in %.2f s (%.0f images/s)",
          dir,
          index.classNames().size(),
          data.size(),
          unreadable.size(),
          index.layout(),
          seconds,
          data.size() / seconds);
      for (var u : data.unreadable()) {
        Output.say("  unreadable: %s: %s", u.file(), u.reason());
      }
      Output.warnEmptyClasses(data);
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dir", dir.toString());
        out.put("layout", index.layout().name().toLowerCase(java.util.Locale.ROOT));
        out.put("classes", index.classNames());
        out.put("counts", counts);
        out.put("images", data.size());
        out.put("unreadable", unreadable);
        out.put("empty_classes", data.emptyClasses());
        out.put("load_seconds", seconds);
        Output.json(out);
      } else {
        counts.forEach((k, v) -> System.out.println(k + "\t" + v));
      }
      return 0;
    }
  }
}
