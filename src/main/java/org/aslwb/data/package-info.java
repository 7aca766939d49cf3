/**
 * Reading image folders, decoding and validating images, preprocessing, augmentation, splits and
 * the synthetic demo data.
 */
package org.aslwb.data;
