package org.aslwb.ui.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.aslwb.data.Augmenter;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.DatasetScanner;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.ui.Workspace;
import org.aslwb.ui.common.Images;

/** The Data tab: the data set's classes, counts, thumbnails, unreadable files and augmentations. */
public final class DataViewModel {
  /** Thumbnails per row of the virtualised thumbnail list. */
  public static final int THUMBS_PER_ROW = 5;

  /** Augmented copies in the preview. */
  public static final int PREVIEW_COUNT = 8;

  /**
   * A class and its image count.
   *
   * @param name class name
   * @param count usable images
   */
  public record ClassCount(String name, int count) {}

  private final Workspace workspace;
  private final StringProperty folder = new SimpleStringProperty("");
  private final StringProperty summary = new SimpleStringProperty("No data set loaded.");
  private final ObservableList<ClassCount> counts = FXCollections.observableArrayList();
  private final ObservableList<String> unreadable = FXCollections.observableArrayList();
  private final ObservableList<String> classes = FXCollections.observableArrayList();
  private final ObservableList<Integer> thumbnailRows = FXCollections.observableArrayList();
  private final ObservableList<Image> augmentations = FXCollections.observableArrayList();
  private final ObjectProperty<Image> augmentationSource = new SimpleObjectProperty<>();
  private final StringProperty selectedClass = new SimpleStringProperty();
  private final IntegerProperty augmentationSeed = new SimpleIntegerProperty(1);
  private List<Integer> classSamples = List.of();
  private int previewIndex = -1;

  /** A view model over the shared workspace. */
  public DataViewModel(Workspace workspace) {
    this.workspace = workspace;
    workspace.datasetProperty().addListener((o, was, data) -> show(data));
    selectedClass.addListener((o, was, name) -> selectClass(name));
    augmentationSeed.addListener((o, was, seed) -> previewAugmentations());
    workspace.augmentationProperty().addListener((o, was, a) -> previewAugmentations());
  }

  /** The folder a chooser opens in: the last data set opened, or null. */
  public java.io.File chooserFolder() {
    java.io.File last = new java.io.File(workspace.settings().get(Workspace.LAST_DATA, ""));
    return last.getParentFile() != null && last.getParentFile().isDirectory()
        ? last.getParentFile()
        : null;
  }

  /** Loads a folder in the background (at the model's input size, else 64x64). */
  public void open(Path dir) {
    folder.set(dir.toString());
    var model = workspace.modelProperty().get();
    int w = model == null ? 64 : model.metadata().preprocessing().width();
    int h = model == null ? 64 : model.metadata().preprocessing().height();
    workspace
        .tasks()
        .run(
            "loading " + dir.getFileName(),
            (progress, cancel) ->
                new DatasetLoader().load(DatasetScanner.scan(dir), w, h, 3, progress, cancel),
            data -> {
              workspace.noticeProperty().set("");
              workspace.datasetProperty().set(data);
              workspace.settings().put(Workspace.LAST_DATA, dir.toString());
            },
            e -> summary.set("Cannot open " + dir + ": " + e.getMessage()));
  }

  private void show(LoadedDataset data) {
    counts.clear();
    unreadable.clear();
    classes.clear();
    if (data == null) {
      return;
    }
    folder.set(data.index().root().toString());
    int[] usable = new int[data.classNames().size()];
    data.samples().forEach(s -> usable[s.label()]++);
    for (int c = 0; c < usable.length; c++) {
      counts.add(new ClassCount(data.classNames().get(c), usable[c]));
    }
    data.unreadable().forEach(u -> unreadable.add(u.file() + ": " + u.reason()));
    classes.setAll(data.classNames());
    summary.set(
        String.format(
            "%d classes, %d images, %d unreadable%s",
            data.classNames().size(),
            data.size(),
            data.unreadable().size(),
            data.classNames().size() < 2 ? " - only one class: nothing to classify" : ""));
    selectedClass.set(null);
    selectedClass.set(data.classNames().isEmpty() ? null : data.classNames().get(0));
  }

  private void selectClass(String name) {
    LoadedDataset data = workspace.datasetProperty().get();
    if (data == null || name == null) {
      thumbnailRows.clear();
      return;
    }
    int label = data.classNames().indexOf(name);
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      if (data.label(i) == label) {
        members.add(i);
      }
    }
    classSamples = members;
    List<Integer> rows = new ArrayList<>();
    for (int r = 0; r * THUMBS_PER_ROW < members.size(); r++) {
      rows.add(r);
    }
    thumbnailRows.setAll(rows);
    previewSample(members.isEmpty() ? -1 : members.get(0));
  }

  /** Thumbnails of one row: data set sample indices. */
  public List<Integer> rowSamples(int row) {
    int from = row * THUMBS_PER_ROW;
    return classSamples.subList(
        Math.min(from, classSamples.size()), Math.min(from + THUMBS_PER_ROW, classSamples.size()));
  }

  /** A thumbnail of sample {@code index}. */
  public Image thumbnail(int index) {
    return Images.of(workspace.datasetProperty().get().image(index));
  }

  /** Shows the augmentation preview for sample {@code index}. */
  public void previewSample(int index) {
    if (index < 0) {
      augmentations.clear();
      augmentationSource.set(null);
      return;
    }
    previewIndex = index;
    augmentationSource.set(thumbnail(index));
    previewAugmentations();
  }

  private void previewAugmentations() {
    LoadedDataset data = workspace.datasetProperty().get();
    if (data == null || previewIndex < 0) {
      return;
    }
    PixelImage image = data.image(previewIndex);
    Augmenter augmenter = new Augmenter(workspace.augmentationProperty().get());
    Random random = new Random(augmentationSeed.get());
    List<Image> out = new ArrayList<>();
    for (int i = 0; i < PREVIEW_COUNT; i++) {
      out.add(Images.of(augmenter.apply(image, random)));
    }
    augmentations.setAll(out);
  }

  /** The augmentation previewed: the Train tab's, switch by switch. */
  public javafx.beans.binding.StringExpression augmentationText() {
    return javafx.beans.binding.Bindings.createStringBinding(
        () -> "Training augmentation: " + workspace.augmentationProperty().get(),
        workspace.augmentationProperty());
  }

  /** Draws new augmentations (the seed is shown, so a preview can be reproduced). */
  public void reseed() {
    augmentationSeed.set(augmentationSeed.get() + 1);
  }

  /** Folder shown. */
  public StringProperty folderProperty() {
    return folder;
  }

  /** One-line summary. */
  public StringProperty summaryProperty() {
    return summary;
  }

  /** Images per class. */
  public ObservableList<ClassCount> counts() {
    return counts;
  }

  /** Unreadable files with reasons. */
  public ObservableList<String> unreadable() {
    return unreadable;
  }

  /** Class names. */
  public ObservableList<String> classes() {
    return classes;
  }

  /** Row indices of the thumbnail list of the selected class. */
  public ObservableList<Integer> thumbnailRows() {
    return thumbnailRows;
  }

  /** The augmented previews. */
  public ObservableList<Image> augmentations() {
    return augmentations;
  }

  /** The image being augmented. */
  public ObjectProperty<Image> augmentationSourceProperty() {
    return augmentationSource;
  }

  /** The class whose thumbnails are shown. */
  public StringProperty selectedClassProperty() {
    return selectedClass;
  }

  /** The augmentation preview's seed. */
  public IntegerProperty augmentationSeedProperty() {
    return augmentationSeed;
  }
}
