/** Decodes video files, live streams and image folders (JavaCV/FFmpeg) into the frames topic. */
package io.facetrail.ingest;
