package org.aslwb.cli;

import java.util.concurrent.Callable;
import javafx.application.Application;
import org.aslwb.ui.WorkbenchApp;
import picocli.CommandLine.Command;

/** {@code aslwb gui}: the desktop app. */
@Command(
    name = "gui",
    description = "Start the desktop app (on the bundled demo when nothing else is chosen).")
final class GuiCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    Application.launch(WorkbenchApp.class);
    return 0;
  }
}
