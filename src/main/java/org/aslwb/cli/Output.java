package org.aslwb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Locale;
import org.aslwb.data.LoadedDataset;
import org.aslwb.model.ModelStore;
import org.aslwb.task.ProgressListener;

/** Human progress on stderr and the one JSON object on stdout. */
final class Output {
  private Output() {}

  /** Prints {@code value} as one JSON object on stdout. */
  static void json(Object value) {
    try {
      System.out.println(
          ModelStore.json()
              .writer()
              .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A line on stderr. */
  static void say(String format, Object... args) {
    System.err.println(String.format(Locale.ROOT, format, args));
  }

  /** A warning line per class whose files are all unreadable (no usable image). */
  static void warnEmptyClasses(LoadedDataset data) {
    int[] files = data.index().countsPerClass();
    for (String name : data.emptyClasses()) {
      say(
          "warning: class %s has no usable images (all %d of its files are unreadable)",
          name, files[data.classNames().indexOf(name)]);
    }
  }

  /** A progress listener printing at most every 10% to stderr. */
  static ProgressListener progress() {
    return new ProgressListener() {
      private long lastDecile = -1;

      @Override
      public void progress(long done, long total, String message) {
        long decile = total == 0 ? 0 : done * 10 / total;
        if (decile != lastDecile) {
          lastDecile = decile;
          System.err.printf(Locale.ROOT, "  %s: %d/%d%n", message, done, total);
        }
      }
    };
  }
}
