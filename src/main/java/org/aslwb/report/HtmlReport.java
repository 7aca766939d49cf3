package org.aslwb.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aslwb.attack.CurvePoint;
import org.aslwb.data.UnreadableFile;
import org.aslwb.evaluation.ClassMetrics;
import org.aslwb.evaluation.Evaluation;
import org.aslwb.explain.Explanation;
import org.aslwb.explain.LabelExplanation;
import org.aslwb.explain.OverlayRenderer;
import org.aslwb.export.CurveChart;
import org.aslwb.export.HeatMapImage;
import org.aslwb.export.Png;

/**
 * Writes a {@link Report} as one self-contained HTML file: CSS inline, figures as {@code data:}
 * URIs, no script, and a content security policy that forbids scripts and every request, so the
 * page shows the same offline and cannot run anything a hostile file name might smuggle in.
 */
public final class HtmlReport {
  private static final int TOP_SUPERPIXELS = 10;
  private static final String STYLE =
      "body{font:14px/1.45 sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 16px}"
          + "h1{font-size:24px}h2{border-bottom:2px solid #1565C0;padding-bottom:4px;margin-top:36px}"
          + "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;"
          + "text-align:left;vertical-align:top}th{background:#f1f4f9}table.kv th{width:200px}"
          + "figure{margin:16px 0;padding:8px;border:1px solid #e3e3e3}figure img{max-width:100%}"
          + "figcaption{color:#444;margin-top:4px}.cmd code{background:#f5f5f5;padding:2px 4px;"
          + "word-break:break-all}.pair img{width:224px;image-rendering:pixelated;margin-right:8px}"
          + ".note{color:#555}.skipped{color:#b71c1c}";

  private HtmlReport() {}

  /** The report as HTML text. */
  public static String render(Report r) {
    Html html = new Html();
    String name = r.input().modelFile().getFileName().toString();
    html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "img-src data:; style-src 'unsafe-inline'\">\n")
        .raw("<title>")
        .text("ASL Workbench report: " + name)
        .raw("</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n");
    html.raw("<h1>").text("Model report: " + name).raw("</h1>\n");
    html.raw("<p class=\"note\">")
        .text(
            "Made by ASL Workbench "
                + r.machine().get(0)[1]
                + " at "
                + r.generatedAt()
                + (r.input().dataFolder() == null
                    ? "; no data folder given, so no evaluation or attack."
                    : "; evaluated on " + r.input().dataFolder() + "."))
        .raw("</p>\n");
    html.command(Commands.report(r));
    ModelCardHtml.write(html, r);
    evaluation(html, r);
    attack(html, r);
    explanations(html, r);
    skipped(html, r);
    return html.raw("</body>\n</html>\n").toString();
  }

  /** Writes the report to {@code file}. */
  public static void write(Report r, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(r));
  }

  private static void evaluation(Html html, Report r) {
    Evaluation e = r.evaluation();
    if (e == null) {
      return;
    }
    html.raw("<section id=\"evaluation\">\n<h2>Evaluation</h2>\n");
    html.element(
        "p",
        String.format(
            Locale.ROOT,
            "Accuracy %.4f, macro F1 %.4f over %d images of %s (%s split: %s), %.2f s.",
            e.accuracy(),
            e.confusion().macroF1(),
            e.samples().size(),
            r.input().dataFolder(),
            e.split(),
            e.samples().size() < r.input().data().size()
                ? "the model's own held-out images of its training data"
                : "every image"
                    + ("val".equals(e.split()) ? ", not the model's training data" : ""),
            e.seconds()));
    html.figure(
        Png.dataUri(HeatMapImage.render(e.confusion(), false)),
        "confusion heat map",
        "Confusion matrix: rows are true classes, columns predictions (\"other\": a model class"
            + " the data lack); colour by count.",
        Commands.evaluate(r));
    html.element("h3", "Per class");
    List<List<String>> rows = new ArrayList<>();
    for (ClassMetrics m : e.confusion().perClass()) {
      rows.add(
          List.of(
              m.className(),
              fixed(m.precision()),
              fixed(m.recall()),
              fixed(m.f1()),
              Long.toString(m.support())));
    }
    html.table(List.of("class", "precision", "recall", "F1", "support"), rows);
    html.raw("</section>\n");
  }

  private static void attack(Html html, Report r) {
    if (r.curve() == null) {
      return;
    }
    var c = r.curve();
    html.raw("<section id=\"attack\">\n<h2>Robustness: FGSM</h2>\n");
    html.element(
        "p",
        String.format(
            Locale.ROOT,
            "Untargeted FGSM (Goodfellow et al. 2015) on the first %d images of the %s split,"
                + " %d gradient passes, %.2f s.",
            c.images(),
            r.settings().split(),
            c.gradientPasses(),
            c.seconds()));
    html.figure(
        Png.dataUri(CurveChart.render(List.of(c))),
        "accuracy against epsilon",
        "Accuracy under attack against epsilon on the [0,1] pixel scale.",
        Commands.attack(r));
    List<List<String>> rows = new ArrayList<>();
    for (CurvePoint p : c.points()) {
      rows.add(
          List.of(
              String.format(Locale.ROOT, "%.4f", p.epsilon()),
              String.format(Locale.ROOT, "%.4f", p.epsilonNormalised()),
              fixed(p.accuracy()),
              fixed(p.successRate()),
              fixed(p.meanLinf())));
    }
    html.table(
        List.of("eps (pixel)", "eps (normalised)", "accuracy", "success rate", "mean L-inf"), rows);
    html.raw("</section>\n");
  }

  private static void explanations(Html html, Report r) {
    if (r.explanations().isEmpty()) {
      return;
    }
    html.raw("<section id=\"explanations\">\n<h2>Explanations: LIME</h2>\n");
    html.element(
        "p",
        "LIME (Ribeiro et al. 2016) on quickshift superpixels (Vedaldi & Soatto 2008): green"
            + " superpixels raise the top label's probability, red ones lower it; the "
            + r.settings().shownSuperpixels()
            + " strongest are coloured.");
    for (int i = 0; i < r.explanations().size(); i++) {
      Explanation e = r.explanations().get(i);
      var image = r.input().images().get(i);
      var seg = e.segmentation();
      LabelExplanation top = e.top();
      boolean[] shown =
          OverlayRenderer.topMask(top, r.settings().shownSuperpixels(), true, true, 0);
      html.raw("<figure class=\"pair\">\n<h3>").text(image.file().getFileName()).raw("</h3>\n");
      html.raw("<img src=\"")
          .text(
              Png.dataUri(
                  Png.image(
                      OverlayRenderer.boundaries(image.photo(), seg), seg.width(), seg.height())))
          .raw("\" alt=\"superpixels\">");
      html.raw("<img src=\"")
          .text(
              Png.dataUri(
                  Png.image(
                      OverlayRenderer.weights(image.photo(), seg, top.weights(), shown),
                      seg.width(),
                      seg.height())))
          .raw("\" alt=\"LIME weights\">\n<figcaption>")
          .text(
              String.format(
                  Locale.ROOT,
                  "Predicted %s (p = %.3f); %d superpixels, surrogate R^2 %.3f, local prediction"
                      + " %.3f; %d samples, seed %d.",
                  top.className(),
                  top.probability(),
                  seg.count(),
                  top.score(),
                  top.localPrediction(),
                  e.settings().samples(),
                  e.settings().seed()))
          .raw("</figcaption>\n");
      List<List<String>> rows = new ArrayList<>();
      int[] ranking = top.ranking();
      for (int k = 0; k < Math.min(TOP_SUPERPIXELS, ranking.length); k++) {
        rows.add(
            List.of(
                Integer.toString(k + 1),
                Integer.toString(ranking[k]),
                String.format(Locale.ROOT, "%+.3g", top.weights()[ranking[k]])));
      }
      html.table(List.of("rank", "superpixel", "weight for " + top.className()), rows);
      html.command(Commands.explain(r, image.file()));
      html.raw("</figure>\n");
    }
    html.raw("</section>\n");
  }

  private static void skipped(Html html, Report r) {
    List<String> lines = new ArrayList<>(r.input().skipped());
    if (r.input().data() != null) {
      for (UnreadableFile u : r.input().data().unreadable()) {
        lines.add(u.file() + ": " + u.reason());
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    html.raw("<section id=\"skipped\">\n<h2>Skipped inputs</h2>\n<ul class=\"skipped\">\n");
    lines.forEach(l -> html.element("li", l));
    html.raw("</ul>\n</section>\n");
  }

  private static String fixed(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
