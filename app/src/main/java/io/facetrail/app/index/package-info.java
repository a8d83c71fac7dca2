/**
 * Archive indexing ({@code facetrail index}): every video of folders or files through the
 * all-in-one pipeline, one after the other, writing per video a timeline of who appears when (JSON
 * and CSV, with the faces as JPEG files) and one HTML report for the archive. Resumable: a video
 * whose timeline records the same size, modification time and settings is not indexed again.
 */
package io.facetrail.app.index;
