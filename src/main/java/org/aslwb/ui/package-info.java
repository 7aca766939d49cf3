/** The JavaFX desktop app: thin controllers over view models, one package per tab. */
package org.aslwb.ui;
