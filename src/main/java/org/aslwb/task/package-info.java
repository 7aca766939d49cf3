/**
 * Progress reporting, cancellation and output-location checks shared by every long-running service.
 */
package org.aslwb.task;
