/** Tests of the {@code ./facetrail} launcher's shell logic (native library selection). */
package io.facetrail.app.launcher;
