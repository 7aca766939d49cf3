package org.aslwb.report;

import java.util.List;
import org.aslwb.attack.SweepResult;
import org.aslwb.evaluation.Evaluation;
import org.aslwb.explain.Explanation;

/**
 * Everything a report shows, computed.
 *
 * @param input the model, data and images
 * @param settings what was computed and how
 * @param evaluation the evaluation over the split, or null without data
 * @param curve the FGSM curve, or null without data
 * @param explanations one per input image, in order
 * @param machine the machine and versions that computed it
 * @param generatedAt ISO-8601 time the report was made
 */
public record Report(
    ReportInput input,
    ReportSettings settings,
    Evaluation evaluation,
    SweepResult curve,
    List<Explanation> explanations,
    List<String[]> machine,
    String generatedAt) {}
