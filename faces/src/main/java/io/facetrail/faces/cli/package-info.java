/**
 * The face module's {@code facetrail} commands ({@code models fetch}, {@code eval lfw}, {@code eval
 * calibrate}, {@code bench embed}, {@code bench detect}) and their registration.
 */
package io.facetrail.faces.cli;
