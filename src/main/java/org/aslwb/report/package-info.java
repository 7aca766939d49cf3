/**
 * The one-file HTML report of a model: its card, its evaluation, its FGSM curve and LIME
 * explanations, each figure with the CLI command that reproduces it. Made by the same domain
 * services as the tabs; written by {@code aslwb report} and the app's "Export report...".
 */
package org.aslwb.report;
