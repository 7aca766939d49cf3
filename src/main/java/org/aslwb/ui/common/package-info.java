/** Reusable UI pieces: the background task runner, image conversion, the heat map. */
package org.aslwb.ui.common;
