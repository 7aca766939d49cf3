/**
 * Progress reporting and cancellation shared by every long-running service, and the range checks of
 * every service's settings.
 */
package org.aslwb.task;
