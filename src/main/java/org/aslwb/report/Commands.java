package org.aslwb.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aslwb.data.Augmentation;

/** The {@code aslwb} command lines that reproduce each figure of a report. */
final class Commands {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./,:=+@%-]+");

  private Commands() {}

  /** {@code aslwb report} with the same inputs and settings. */
  static String report(Report r) {
    List<String> args = new ArrayList<>(List.of("report", "--model", path(r.input().modelFile())));
    if (r.input().dataFolder() != null) {
      args.addAll(List.of("--data", path(r.input().dataFolder())));
    }
    for (var image : r.input().images()) {
      args.addAll(List.of("--image", path(image.file())));
    }
    args.addAll(
        List.of(
            "--split",
            r.settings().split(),
            "--attack-limit",
            Integer.toString(r.settings().attackLimit()),
            "--eps",
            epsilons(r),
            "--samples",
            Integer.toString(r.settings().limeSamples()),
            "--seed",
            Long.toString(r.settings().seed()),
            "--out",
            "report.html"));
    return line(args.toArray(String[]::new));
  }

  private static String epsilons(Report r) {
    return Arrays.stream(r.settings().epsilons())
        .mapToObj(e -> String.format(Locale.ROOT, "%s", e))
        .collect(Collectors.joining(","));
  }

  /** {@code aslwb evaluate} over the report's split. */
  static String evaluate(Report r) {
    return line(
        "evaluate",
        "--model",
        path(r.input().modelFile()),
        "--data",
        path(r.input().dataFolder()),
        "--split",
        r.settings().split(),
        "--out",
        "DIR");
  }

  /** {@code aslwb attack} with the report's budgets and image count. */
  static String attack(Report r) {
    return line(
        "attack",
        "--model",
        path(r.input().modelFile()),
        "--data",
        path(r.input().dataFolder()),
        "--method",
        "fgsm",
        "--split",
        r.settings().split(),
        "--limit",
        Integer.toString(r.settings().attackLimit()),
        "--eps",
        epsilons(r),
        "--seed",
        Long.toString(r.settings().seed()),
        "--out",
        "DIR");
  }

  /** {@code aslwb explain} for one image. */
  static String explain(Report r, Path image) {
    return line(
        "explain",
        "--model",
        path(r.input().modelFile()),
        "--image",
        path(image),
        "--samples",
        Integer.toString(r.settings().limeSamples()),
        "--seed",
        Long.toString(r.settings().seed()),
        "--num-features",
        Integer.toString(r.settings().shownSuperpixels()),
        "--out",
        "DIR");
  }

  /**
   * {@code aslwb train} with the model's recorded settings, or null when the model records none (a
   * model made elsewhere).
   */
  static String train(Map<String, String> s, Path modelFile) {
    if (!s.containsKey("model") || !s.containsKey("epochs")) {
      return null;
    }
    List<String> args = new ArrayList<>(List.of("train", "--data", "TRAINING_DATA"));
    option(args, s, "model", "--model");
    option(args, s, "width", "--width");
    option(args, s, "size", "--size");
    option(args, s, "epochs", "--epochs");
    option(args, s, "batch", "--batch");
    option(args, s, "lr", "--lr");
    option(args, s, "schedule", "--schedule");
    String stopping = s.get("early_stopping"); // "val_loss min_delta=0.001 patience=5"
    if (stopping != null) {
      String[] parts = stopping.split(" ");
      args.addAll(List.of("--monitor", parts[0]));
      for (int i = 1; i < parts.length; i++) {
        String[] kv = parts[i].split("=", 2);
        if (kv.length == 2) {
          args.addAll(List.of("--" + kv[0].replace('_', '-'), kv[1]));
        }
      }
    }
    option(args, s, "val_fraction", "--val-fraction");
    String split = s.getOrDefault("split", "stratified");
    if (split.startsWith("blocks of ")) {
      args.addAll(List.of("--block-split", split.substring("blocks of ".length())));
    }
    if (Augmentation.none().toString().equals(s.get("augmentation"))) {
      args.add("--no-augment");
    }
    option(args, s, "max_batches_per_epoch", "--max-batches");
    option(args, s, "seed", "--seed");
    args.addAll(List.of("--out", path(modelFile)));
    return line(args.toArray(String[]::new));
  }

  private static void option(List<String> args, Map<String, String> s, String key, String flag) {
    if (s.containsKey(key)) {
      args.addAll(List.of(flag, s.get(key)));
    }
  }

  /** {@code aslwb} and the arguments, each quoted for a POSIX shell where it needs to be. */
  static String line(String... args) {
    StringBuilder b = new StringBuilder("aslwb");
    for (String a : args) {
      b.append(' ').append(quote(a));
    }
    return b.toString();
  }

  static String quote(String arg) {
    return PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }

  private static String path(Path p) {
    return p == null ? "DIR" : p.toString();
  }
}
