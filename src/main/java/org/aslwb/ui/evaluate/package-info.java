/** The Evaluate tab. */
package org.aslwb.ui.evaluate;
