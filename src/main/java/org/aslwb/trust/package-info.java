/**
 * Handling files from other people: model files, data folders and archives are untrusted input. The
 * guards here bound what is read ({@link org.aslwb.trust.BoundedZip}) and switch off Java
 * deserialisation for the whole process ({@link org.aslwb.trust.SerialisationGuard}); see
 * SECURITY.md.
 */
package org.aslwb.trust;
