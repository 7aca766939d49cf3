package org.aslwb.ui.evaluate;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.DirectoryChooser;

/** Binds the Evaluate tab's shift-suite section. */
public final class ShiftsController {
  private final ShiftsViewModel vm;
  @FXML private Button runShifts;
  @FXML private Button cancelShifts;
  @FXML private Button exportShifts;
  @FXML private TextField shiftSeed;
  @FXML private Label shiftSummary;
  @FXML private Label shiftMessage;
  @FXML private TableView<ShiftsViewModel.Row> shiftTable;

  /** A controller for {@code vm}. */
  public ShiftsController(ShiftsViewModel vm) {
    this.vm = vm;
  }

  @FXML
  private void initialize() {
    shiftSeed.textProperty().bindBidirectional(vm.seedProperty());
    shiftSummary.textProperty().bind(vm.summaryProperty());
    shiftMessage.textProperty().bind(vm.messageProperty());
    runShifts.disableProperty().bind(vm.runningProperty());
    cancelShifts.disableProperty().bind(vm.runningProperty().not());
    exportShifts.disableProperty().bind(vm.reportProperty().isNull());
    runShifts.setOnAction(e -> vm.run());
    cancelShifts.setOnAction(e -> vm.cancel());
    exportShifts.setOnAction(
        e -> {
          var dir = new DirectoryChooser().showDialog(shiftTable.getScene().getWindow());
          if (dir != null) {
            vm.export(dir.toPath());
          }
        });
    shiftTable.setItems(vm.rows());
    shiftTable
        .getColumns()
        .setAll(
            java.util.List.of(
                column("shift", ShiftsViewModel.Row::shift),
                column("severity 1", r -> accuracy(r.severity1())),
                column("severity 2", r -> accuracy(r.severity2())),
                column("severity 3", r -> accuracy(r.severity3())),
                column("settings (1 / 2 / 3)", ShiftsViewModel.Row::settings)));
  }

  private static TableColumn<ShiftsViewModel.Row, String> column(
      String title, Function<ShiftsViewModel.Row, String> value) {
    TableColumn<ShiftsViewModel.Row, String> c = new TableColumn<>(title);
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    return c;
  }

  private static String accuracy(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
