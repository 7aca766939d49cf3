package org.aslwb.ui.explain;

import java.io.File;
import java.nio.file.Path;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.stage.DirectoryChooser;
import org.aslwb.ui.DemoAssets;
import org.aslwb.ui.common.ImageChoice;

/** Binds the Explain tab. */
public final class ExplainController {
  private final ExplainViewModel vm;
  @FXML private TextField samples;
  @FXML private TextField kernelWidth;
  @FXML private TextField kernelSize;
  @FXML private TextField maxDist;
  @FXML private TextField ratio;
  @FXML private TextField seed;
  @FXML private ChoiceBox<String> hideColour;
  @FXML private Button preview;
  @FXML private Button explain;
  @FXML private Button export;
  @FXML private Label segmentInfo;
  @FXML private Slider topK;
  @FXML private ChoiceBox<String> mode;
  @FXML private Slider minWeight;
  @FXML private ImageView cleanOverlay;
  @FXML private ImageView adversarialOverlay;
  @FXML private Label cleanSummary;
  @FXML private Label adversarialSummary;
  @FXML private Label selection;
  @FXML private Label message;
  @FXML private ChoiceBox<String> outputSpace;
  @FXML private Label warning;
  @FXML private ExplainCompareController compareController;
  @FXML private Label imageText;
  @FXML private Button openImage;
  @FXML private ComboBox<Path> gallery;
  @FXML private SplitPane root;

  /** A controller for {@code vm}. */
  public ExplainController(ExplainViewModel vm) {
    this.vm = vm;
  }

  @FXML
  private void initialize() {
    samples.textProperty().bindBidirectional(vm.form().samplesProperty());
    kernelWidth.textProperty().bindBidirectional(vm.form().kernelWidthProperty());
    kernelSize.textProperty().bindBidirectional(vm.form().kernelSizeProperty());
    maxDist.textProperty().bindBidirectional(vm.form().maxDistProperty());
    ratio.textProperty().bindBidirectional(vm.form().ratioProperty());
    seed.textProperty().bindBidirectional(vm.form().seedProperty());
    hideColour.getItems().setAll("mean", "black", "grey");
    hideColour.valueProperty().bindBidirectional(vm.form().hideColourProperty());
    preview.setOnAction(e -> vm.preview());
    explain.setOnAction(e -> vm.explain());
    export.setOnAction(
        e -> {
          File dir = new DirectoryChooser().showDialog(cleanOverlay.getScene().getWindow());
          if (dir != null) {
            vm.export(dir.toPath());
          }
        });
    segmentInfo.textProperty().bind(vm.segmentInfoProperty());
    topK.valueProperty().addListener((o, a, b) -> vm.topKProperty().set(b.intValue()));
    mode.getItems().setAll("positive", "negative", "both");
    mode.valueProperty().bindBidirectional(vm.modeProperty());
    minWeight.valueProperty().bindBidirectional(vm.minWeightProperty());
    cleanOverlay.imageProperty().bind(vm.cleanOverlayProperty());
    adversarialOverlay.imageProperty().bind(vm.adversarialOverlayProperty());
    cleanOverlay.setOnMouseClicked(
        e -> {
          var img = cleanOverlay.getImage();
          if (img != null) {
            double scale = img.getWidth() / cleanOverlay.getBoundsInLocal().getWidth();
            vm.select((int) (e.getX() * scale), (int) (e.getY() * scale));
          }
        });
    adversarialOverlay.setOnMouseClicked(
        e -> {
          var img = adversarialOverlay.getImage();
          if (img != null) {
            double scale = img.getWidth() / adversarialOverlay.getBoundsInLocal().getWidth();
            vm.selectOnAdversarial((int) (e.getX() * scale), (int) (e.getY() * scale));
          }
        });
    outputSpace.getItems().setAll("auto", "probability", "log-probability", "margin");
    outputSpace.valueProperty().bindBidirectional(vm.form().outputSpaceProperty());
    warning.textProperty().bind(vm.warningProperty());
    warning.visibleProperty().bind(vm.warningProperty().isNotEmpty());
    compareController.follow(vm.cleanProperty());
    cleanSummary.textProperty().bind(vm.cleanSummaryProperty());
    adversarialSummary.textProperty().bind(vm.adversarialSummaryProperty());
    selection.textProperty().bind(vm.selectionProperty());
    message.textProperty().bind(vm.messageProperty());
    imageText.textProperty().bind(vm.imageTextProperty());
    ImageChoice.wire(root, openImage, gallery, DemoAssets.gallery(), vm::openImage);
  }
}
