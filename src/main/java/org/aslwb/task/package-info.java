/**
 * Progress reporting and cancellation shared by every long-running service, the range checks of
 * every service's settings, and the output-location checks made before any work.
 */
package org.aslwb.task;
