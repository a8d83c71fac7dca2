package io.facetrail.deploy.docker;

/**
 * One Dockerfile instruction with its continuation lines joined.
 *
 * @param keyword the instruction in upper case ({@code FROM}, {@code RUN}, ...)
 * @param arguments everything after the keyword, whitespace-trimmed
 * @param line the 1-based line the instruction starts on
 */
public record Instruction(String keyword, String arguments, int line) {}
