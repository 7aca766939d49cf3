/** The Explain tab. */
package org.aslwb.ui.explain;
