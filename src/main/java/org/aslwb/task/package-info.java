/** Progress reporting and cancellation shared by every long-running service. */
package org.aslwb.task;
