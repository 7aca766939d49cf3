/**
 * Reusable UI pieces: the background task runner, image conversion, the heat map, and what keeps
 * the FX thread light (only the selected tab in the scene graph, layout boundaries around content
 * that changes at every frame, a chart marker that only repaints).
 */
package org.aslwb.ui.common;
