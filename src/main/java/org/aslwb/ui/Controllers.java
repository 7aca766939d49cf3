package org.aslwb.ui;

import javafx.util.Callback;
import org.aslwb.ui.attack.AttackController;
import org.aslwb.ui.attack.AttackViewModel;
import org.aslwb.ui.attack.RobustnessController;
import org.aslwb.ui.attack.RobustnessViewModel;
import org.aslwb.ui.data.DataController;
import org.aslwb.ui.data.DataViewModel;
import org.aslwb.ui.evaluate.EvaluateController;
import org.aslwb.ui.evaluate.EvaluateViewModel;
import org.aslwb.ui.evaluate.ShiftsController;
import org.aslwb.ui.evaluate.ShiftsViewModel;
import org.aslwb.ui.explain.ExplainCompareController;
import org.aslwb.ui.explain.ExplainCompareViewModel;
import org.aslwb.ui.explain.ExplainController;
import org.aslwb.ui.explain.ExplainViewModel;
import org.aslwb.ui.train.TrainController;
import org.aslwb.ui.train.TrainViewModel;

/** Builds each FXML controller with its view model over the shared workspace. */
final class Controllers implements Callback<Class<?>, Object> {
  private final Workspace workspace;

  Controllers(Workspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public Object call(Class<?> type) {
    if (type == MainController.class) {
      return new MainController(workspace);
    } else if (type == DataController.class) {
      return new DataController(new DataViewModel(workspace));
    } else if (type == TrainController.class) {
      return new TrainController(new TrainViewModel(workspace));
    } else if (type == EvaluateController.class) {
      return new EvaluateController(new EvaluateViewModel(workspace));
    } else if (type == ShiftsController.class) {
      return new ShiftsController(new ShiftsViewModel(workspace));
    } else if (type == AttackController.class) {
      return new AttackController(new AttackViewModel(workspace));
    } else if (type == RobustnessController.class) {
      return new RobustnessController(new RobustnessViewModel(workspace));
    } else if (type == ExplainCompareController.class) {
      return new ExplainCompareController(new ExplainCompareViewModel(workspace));
    } else if (type == ExplainController.class) {
      return new ExplainController(new ExplainViewModel(workspace));
    }
    throw new IllegalArgumentException("no controller factory for " + type);
  }
}
