package org.aslwb.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;

/**
 * The ways to change the studied image from a tab: the sample gallery, a file chooser, and a file
 * dropped anywhere on the tab.
 */
public final class ImageChoice {
  private ImageChoice() {}

  /** Wires the controls; {@code open} receives the chosen file. */
  public static void wire(
      Node dropArea,
      Button openButton,
      ComboBox<Path> gallery,
      List<Path> samples,
      Consumer<Path> open) {
    if (openButton != null) {
      openButton.setOnAction(e -> choose(openButton, open));
    }
    if (gallery != null) {
      gallery.getItems().setAll(samples);
      gallery.setPromptText("gallery");
      gallery.setCellFactory(v -> new NameCell());
      gallery.setButtonCell(new NameCell());
      gallery.setOnAction(
          e -> {
            if (gallery.getValue() != null) {
              open.accept(gallery.getValue());
            }
          });
    }
    acceptDrops(dropArea, open);
  }

  /** Lets {@code area} take a dropped file as the image. */
  public static void acceptDrops(Node area, Consumer<Path> open) {
    area.setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
          }
          e.consume();
        });
    area.setOnDragDropped(
        e -> {
          e.getDragboard().getFiles().stream().findFirst().ifPresent(f -> open.accept(f.toPath()));
          e.setDropCompleted(true);
          e.consume();
        });
  }

  /** Opens a file chooser over {@code owner}'s window. */
  public static void choose(Node owner, Consumer<Path> open) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open image");
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter("Images", "*.jpg", "*.jpeg", "*.png", "*.bmp"));
    File file = chooser.showOpenDialog(owner.getScene().getWindow());
    if (file != null) {
      open.accept(file.toPath());
    }
  }

  private static final class NameCell extends ListCell<Path> {
    @Override
    protected void updateItem(Path item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? "gallery" : item.getFileName().toString());
    }
  }
}
