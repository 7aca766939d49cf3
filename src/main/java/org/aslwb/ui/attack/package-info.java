/** The Attack tab. */
package org.aslwb.ui.attack;
