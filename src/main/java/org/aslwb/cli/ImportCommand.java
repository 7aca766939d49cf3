package org.aslwb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aslwb.model.Engine;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.model.keras.KerasClassNames;
import org.aslwb.model.keras.KerasImporter;
import org.aslwb.model.keras.KerasPreprocess;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aslwb import}: a Keras model as a workbench model file. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import a Keras .h5 model (Sequential or functional, nested models flattened) so that it"
            + " can be evaluated, attacked and explained.")
final class ImportCommand implements Callable<Integer> {
  @Option(names = "--keras", required = true, description = "the Keras HDF5 file (model.save)")
  Path keras;

  @ArgGroup(exclusive = true, multiplicity = "1")
  ClassSource classes;

  static final class ClassSource {
    @Option(names = "--classes", description = "class names in output order: A,B,C,D")
    String list;

    @Option(
        names = "--classes-file",
        description = "a labels file, one class a line (Teachable Machine's labels.txt)")
    Path file;
  }

  @Option(
      names = "--preprocess",
      required = true,
      description =
          "the input scaling the model was trained with: unit ([0,1]), minus1to1 ([-1,1],"
              + " Teachable Machine), imagenet ([0,1] then ImageNet mean/std)")
  String preprocess;

  @Option(names = "--out", required = true, description = "the model file to write (.aslwb)")
  Path out;

  @Option(names = "--force", description = "replace an existing --out file")
  boolean force;

  @Option(names = "--json", description = "print one JSON object on stdout")
  boolean json;

  @Override
  public Integer call() throws Exception {
    KerasPreprocess scaling = KerasPreprocess.parse(preprocess);
    List<String> names =
        classes.list != null
            ? KerasClassNames.parse(classes.list)
            : KerasClassNames.read(classes.file);
    if (Files.exists(out) && !force) {
      throw new IllegalArgumentException(out + ": exists; use --force to replace it");
    }
    Engine.start();
    long started = System.nanoTime();
    TrainedModel model = KerasImporter.importModel(keras, names, scaling);
    ModelStore.save(model, out);
    double seconds = (System.nanoTime() - started) / 1e9;
    long parameters = model.network().numParams();
    Output.say(
        "imported %s: %s, %,d parameters, in %.1f s -> %s",
        keras, model.describe(), parameters, seconds, out);
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("model", out.toString());
      o.put("source", keras.toString());
      o.put("classes", names);
      o.put("preprocess", scaling.id());
      o.put(
          "input",
          model.metadata().preprocessing().width()
              + "x"
              + model.metadata().preprocessing().height()
              + "x"
              + model.metadata().preprocessing().channels());
      o.put("parameters", parameters);
      o.put("seconds", seconds);
      Output.json(o);
    }
    return 0;
  }
}
