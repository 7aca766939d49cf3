package org.aslwb.ui.common;

import javafx.beans.DefaultProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Region;

/**
 * A box around content that changes many times a second (the Attack tab's slider, its epsilon text,
 * the adversarial frame's prediction and top-5 bars), where the content's layout requests stop.
 *
 * <p>Why: in JavaFX a label whose text changes, or a slider or progress bar whose value changes,
 * requests a layout of every ancestor up to the window's root, and the next pulse lays out that
 * whole chain, measuring their other children again. During an epsilon drag that was every pulse.
 * Here the content is not managed by this box, which makes it a layout root: its requests lay out
 * only itself. When it asks, the box marks itself (not its parent) for layout, so at the next
 * layout pass, after every change of that pulse and its CSS, the box compares the content's
 * preferred size with the room it asked for; only content that outgrew it makes the box ask its
 * parent for more, once. The box never shrinks while it holds the same content, so the controls
 * around a changing text stay put.
 */
@DefaultProperty("content")
public final class LayoutBoundary extends Region {
  private Parent content;
  // the largest preferred content size the box has asked its parent for
  private double widest;
  private double tallest;
  private final ChangeListener<Boolean> contentChanged =
      (o, was, needsLayout) -> {
        if (needsLayout) {
          setNeedsLayout(true); // this box only: its parent hears of it only if the content grew
        }
      };

  /** An empty box, for FXML. */
  public LayoutBoundary() {}

  /** A box around {@code content}. */
  public LayoutBoundary(Parent content) {
    setContent(content);
  }

  /** What the box holds. */
  public Parent getContent() {
    return content;
  }

  /** Puts {@code node} in the box (handing back what it held) and sizes the box for it anew. */
  public void setContent(Parent node) {
    if (content != null) {
      content.needsLayoutProperty().removeListener(contentChanged);
      content.setManaged(true);
    }
    content = node;
    widest = 0;
    tallest = 0;
    if (node == null) {
      getChildren().clear();
    } else {
      node.setManaged(false);
      getChildren().setAll(node);
      node.needsLayoutProperty().addListener(contentChanged);
    }
    requestLayout();
  }

  @Override
  public Orientation getContentBias() {
    return content == null ? null : content.getContentBias();
  }

  @Override
  public double getBaselineOffset() {
    return content == null
        ? super.getBaselineOffset()
        : snappedTopInset() + content.getBaselineOffset();
  }

  @Override
  protected double computePrefWidth(double height) {
    if (content != null) {
      widest = Math.max(widest, content.prefWidth(innerHeight(height)));
    }
    return snappedLeftInset() + widest + snappedRightInset();
  }

  @Override
  protected double computePrefHeight(double width) {
    if (content != null) {
      tallest = Math.max(tallest, content.prefHeight(innerWidth(width)));
    }
    return snappedTopInset() + tallest + snappedBottomInset();
  }

  @Override
  protected double computeMinWidth(double height) {
    double inner = content == null ? 0 : content.minWidth(innerHeight(height));
    return snappedLeftInset() + inner + snappedRightInset();
  }

  @Override
  protected double computeMinHeight(double width) {
    double inner = content == null ? 0 : content.minHeight(innerWidth(width));
    return snappedTopInset() + inner + snappedBottomInset();
  }

  @Override
  protected void layoutChildren() {
    if (content == null) {
      return;
    }
    double width = innerWidth(getWidth());
    double height = innerHeight(getHeight());
    if (outgrown(width, height)) {
      askForRoom();
    }
    content.resizeRelocate(snappedLeftInset(), snappedTopInset(), width, height);
  }

  /**
   * Asks the parent for a layout once this layout pass is over: a request made during the pass is
   * lost, as the ancestors mark themselves laid out when it ends. The parent then asks for the new
   * preferred size at the next pulse.
   */
  private void askForRoom() {
    Scene scene = getScene();
    if (scene == null) {
      requestLayout();
      return;
    }
    scene.addPostLayoutPulseListener(
        new Runnable() {
          @Override
          public void run() {
            scene.removePostLayoutPulseListener(this);
            requestLayout();
          }
        });
  }

  /**
   * Whether the content now prefers more than the box asked for, measured as the parent measures
   * the box (the width it gives decides the height of content that wraps, and the other way round).
   * The box takes that size as its own at once, so it asks once per growth even from a parent that
   * does not ask for its preferred size.
   */
  private boolean outgrown(double width, double height) {
    Orientation bias = content.getContentBias();
    double w = content.prefWidth(bias == Orientation.VERTICAL ? height : -1);
    double h = content.prefHeight(bias == Orientation.HORIZONTAL ? width : -1);
    boolean grew = w > widest + 0.5 || h > tallest + 0.5;
    widest = Math.max(widest, w);
    tallest = Math.max(tallest, h);
    return grew;
  }

  private double innerWidth(double width) {
    return width < 0 ? -1 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
  }

  private double innerHeight(double height) {
    return height < 0 ? -1 : Math.max(0, height - snappedTopInset() - snappedBottomInset());
  }
}
