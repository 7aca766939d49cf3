package org.aslwb.ui.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.model.keras.KerasClassNames;
import org.aslwb.model.keras.KerasImporter;
import org.aslwb.model.keras.KerasPreprocess;
import org.aslwb.ui.DemoAssets;
import org.aslwb.ui.Workspace;

/**
 * The Evaluate tab's model side: the models on offer (the demo and {@code ~/aslwb-models}), the
 * sample gallery, opening a model file and importing a Keras one. What it does is said in the tab's
 * message line.
 */
public final class ModelLibraryViewModel {
  private final Workspace workspace;
  private final StringProperty message;
  private final ObservableList<Path> models = FXCollections.observableArrayList();
  private final ObservableList<Path> gallery = FXCollections.observableArrayList();

  /** A library over the workspace that reports through {@code message}. */
  ModelLibraryViewModel(Workspace workspace, StringProperty message) {
    this.workspace = workspace;
    this.message = message;
    refreshLists();
  }

  /** Finds the demo model, saved models and the sample gallery. */
  public void refreshLists() {
    List<Path> found = new ArrayList<>();
    if (Files.isRegularFile(DemoAssets.model())) {
      found.add(DemoAssets.model());
    }
    found.addAll(list(Workspace.modelsFolder(), ".aslwb"));
    models.setAll(found);
    gallery.setAll(list(DemoAssets.sampleImages(), ".png"));
  }

  private static List<Path> list(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir, 2)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Loads a model file in the background and makes it the workspace's model. */
  public void openModel(Path file) {
    workspace.openModel(
        file,
        "loading model",
        m -> {
          workspace.settings().put(Workspace.LAST_MODEL, file.toString());
          message.set("");
          if (!models.contains(file)) {
            models.add(file);
          }
        },
        message::set);
  }

  /**
   * The class names of a Keras file's {@code labels.txt} neighbour (Teachable Machine exports one),
   * as "A,B,C,D", or "" when there is none.
   */
  public String suggestedClasses(Path h5) {
    Path labels = h5.resolveSibling("labels.txt");
    try {
      return Files.isRegularFile(labels) ? String.join(",", KerasClassNames.read(labels)) : "";
    } catch (IOException | IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * Imports a Keras model in the background, saves it with the other models ({@code
   * ~/aslwb-models}) under a name not yet taken, and opens it.
   */
  public void importKeras(Path h5, String classes, KerasPreprocess preprocess) {
    workspace
        .tasks()
        .run(
            "importing " + h5.getFileName(),
            (p, c) -> {
              TrainedModel model =
                  KerasImporter.importModel(h5, KerasClassNames.parse(classes), preprocess);
              Path file = freeModelFile(h5);
              ModelStore.save(model, file);
              return new Imported(file, model.warmedUp());
            },
            imported -> {
              if (!models.contains(imported.file())) {
                models.add(imported.file());
              }
              workspace.modelFileProperty().set(imported.file());
              workspace.modelProperty().set(imported.model());
              message.set("imported " + h5.getFileName() + " as " + imported.file());
            },
            e -> message.set(e.getMessage()));
  }

  private record Imported(Path file, TrainedModel model) {}

  /** {@code MODELS/NAME.aslwb}, or NAME-2, NAME-3... when taken: nothing is replaced. */
  static Path freeModelFile(Path h5) throws IOException {
    Path dir = Workspace.modelsFolder();
    Files.createDirectories(dir);
    String stem = h5.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    Path file = dir.resolve(stem + ".aslwb");
    for (int n = 2; Files.exists(file); n++) {
      file = dir.resolve(stem + "-" + n + ".aslwb");
    }
    return file;
  }

  /** Model files on offer. */
  public ObservableList<Path> models() {
    return models;
  }

  /** Sample gallery files. */
  public ObservableList<Path> gallery() {
    return gallery;
  }
}
