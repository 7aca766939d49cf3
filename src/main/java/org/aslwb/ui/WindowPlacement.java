package org.aslwb.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The window's size: the remembered one, or one that fits the screen, and never larger. */
final class WindowPlacement {
  private static final double WIDTH = 1320;
  private static final double HEIGHT = 880;

  private WindowPlacement() {}

  /** Sizes {@code stage} and remembers its size when it closes. */
  static void restore(Stage stage, UserSettings settings) {
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    double w = Math.min(settings.getDouble("window.width", WIDTH), screen.getWidth());
    double h = Math.min(settings.getDouble("window.height", HEIGHT), screen.getHeight());
    stage.setWidth(Math.max(640, Math.min(w, screen.getWidth())));
    stage.setHeight(Math.max(480, Math.min(h, screen.getHeight())));
    stage.setMaximized(Boolean.parseBoolean(settings.get("window.maximized", "false")));
    stage.setOnHiding(
        e -> {
          settings.put("window.maximized", Boolean.toString(stage.isMaximized()));
          if (!stage.isMaximized()) {
            settings.put("window.width", Double.toString(stage.getWidth()));
            settings.put("window.height", Double.toString(stage.getHeight()));
          }
        });
  }
}
