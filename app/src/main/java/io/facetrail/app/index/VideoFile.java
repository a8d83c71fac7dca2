package io.facetrail.app.index;

import java.nio.file.Path;

/**
 * One video of the archive.
 *
 * @param path the file
 * @param name its name in the output folder: its path below the folder given on the command line
 *     (with that folder's name in front), or its file name when given directly; always with {@code
 *     /}
 */
public record VideoFile(Path path, String name) {}
