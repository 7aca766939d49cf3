package org.aslwb.ui.evaluate;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.aslwb.model.keras.KerasPreprocess;

/**
 * Asks what a Keras file does not say: its class names and the input scaling it was trained with.
 */
final class KerasImportDialog {
  /** The answers, for {@link EvaluateViewModel#importKeras}. */
  record Request(Path h5, String classes, KerasPreprocess preprocess) {}

  private KerasImportDialog() {}

  static Optional<Request> ask(Path h5, String suggestedClasses) {
    TextField classes = new TextField(suggestedClasses);
    classes.setId("kerasClasses");
    classes.setPromptText("A,B,C,D (output order)");
    ChoiceBox<KerasPreprocess> preprocess = new ChoiceBox<>();
    preprocess.setId("kerasPreprocess");
    preprocess.getItems().setAll(KerasPreprocess.values());
    // Teachable Machine, the most common source of such files, scales to [-1, 1]
    preprocess.setValue(KerasPreprocess.MINUS1TO1);
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(8);
    form.addRow(0, new Label("Class names"), classes);
    form.addRow(1, new Label("Input scaling"), preprocess);
    Dialog<Request> dialog = new Dialog<>();
    dialog.setTitle("Import " + h5.getFileName());
    dialog.setHeaderText("Classes in the model's output order, and how it scaled its input");
    dialog.getDialogPane().setContent(form);
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.setResultConverter(
        b -> b == ButtonType.OK ? new Request(h5, classes.getText(), preprocess.getValue()) : null);
    return dialog.showAndWait();
  }
}
