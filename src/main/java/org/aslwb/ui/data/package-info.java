/** The Data tab. */
package org.aslwb.ui.data;
