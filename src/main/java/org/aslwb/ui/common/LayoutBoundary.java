package org.aslwb.ui.common;

import javafx.beans.DefaultProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;

/**
 * A box around content that changes many times a second (the Attack tab's epsilon text, the
 * adversarial frame's prediction and top-5 bars), where the content's layout requests stop.
 *
 * <p>Why: in JavaFX a label whose text changes, or a progress bar whose value changes, requests a
 * layout of every ancestor up to the window's root, and the next pulse lays out that whole chain,
 * measuring their other children again. During an epsilon drag that is two or three times a pulse
 * and was the largest share of the FX thread's work. Here the content is not managed by this box,
 * which makes it a layout root: its requests lay out only itself. The box grows (and then asks its
 * own parent for a layout, once) only when the content no longer fits; it never shrinks while it
 * keeps the same content, so the controls around it stay where they are as the text changes length.
 */
@DefaultProperty("content")
public final class LayoutBoundary extends Region {
  private Node content;
  private double widest;
  private double tallest;
  private final ChangeListener<Boolean> growth =
      (o, was, needsLayout) -> {
        if (needsLayout) {
          growIfNeeded();
        }
      };

  /** An empty box, for FXML. */
  public LayoutBoundary() {}

  /** A box around {@code content}. */
  public LayoutBoundary(Node content) {
    setContent(content);
  }

  /** What the box holds. */
  public Node getContent() {
    return content;
  }

  /** Puts {@code node} in the box (replacing what it held) and sizes the box for it anew. */
  public void setContent(Node node) {
    if (content instanceof Parent old) {
      old.needsLayoutProperty().removeListener(growth);
    }
    content = node;
    widest = 0;
    tallest = 0;
    if (node == null) {
      getChildren().clear();
    } else {
      node.setManaged(false);
      getChildren().setAll(node);
      if (node instanceof Parent p) {
        p.needsLayoutProperty().addListener(growth);
      }
    }
    requestLayout();
  }

  /** Asks the parent for room only when the content's preferred size outgrew the box. */
  private void growIfNeeded() {
    Insets in = getInsets();
    double width = getWidth() - in.getLeft() - in.getRight();
    double height = getHeight() - in.getTop() - in.getBottom();
    if (content.prefWidth(-1) > width + 0.5 || content.prefHeight(width) > height + 0.5) {
      requestLayout();
    }
  }

  @Override
  protected double computePrefWidth(double height) {
    if (content != null) {
      widest = Math.max(widest, content.prefWidth(-1));
    }
    return snapSizeX(getInsets().getLeft() + widest + getInsets().getRight());
  }

  @Override
  protected double computePrefHeight(double width) {
    if (content != null) {
      Insets in = getInsets();
      double inner = width < 0 ? -1 : Math.max(0, width - in.getLeft() - in.getRight());
      tallest = Math.max(tallest, content.prefHeight(inner));
    }
    return snapSizeY(getInsets().getTop() + tallest + getInsets().getBottom());
  }

  @Override
  protected double computeMinWidth(double height) {
    Insets in = getInsets();
    return in.getLeft() + (content == null ? 0 : content.minWidth(-1)) + in.getRight();
  }

  @Override
  protected double computeMinHeight(double width) {
    Insets in = getInsets();
    return in.getTop() + (content == null ? 0 : content.minHeight(-1)) + in.getBottom();
  }

  @Override
  protected void layoutChildren() {
    if (content == null) {
      return;
    }
    Insets in = getInsets();
    content.resizeRelocate(
        in.getLeft(),
        in.getTop(),
        Math.max(0, getWidth() - in.getLeft() - in.getRight()),
        Math.max(0, getHeight() - in.getTop() - in.getBottom()));
  }
}
