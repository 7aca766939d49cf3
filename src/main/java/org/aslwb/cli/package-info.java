/**
 * The {@code aslwb} command line: one small class per command, calling the same services as the
 * GUI.
 */
package org.aslwb.cli;
