/** The Train tab. */
package org.aslwb.ui.train;
