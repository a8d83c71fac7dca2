package io.facetrail.matcher.enrol;

import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads an enrolment folder: one sub-folder per person, named after them ({@code _} read as a
 * space), holding their photos.
 */
public final class PersonFolders {
  private static final List<String> IMAGE_SUFFIXES = List.of(".jpg", ".jpeg", ".png", ".bmp");

  /** One person's name and photos. */
  public record PersonPhotos(String name, List<Path> photos) {
    public PersonPhotos {
      photos = List.copyOf(photos);
    }
  }

  private PersonFolders() {}

  /**
   * The persons of {@code dir}, in name order; sub-folders without photos are left out.
   *
   * @throws UserFacingException when {@code dir} is not a readable folder or holds no photos
   */
  public static List<PersonPhotos> read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserFacingException(dir + " is not a directory");
    }
    List<PersonPhotos> out = new ArrayList<>();
    try (Stream<Path> people = Files.list(dir)) {
      for (Path person : people.filter(Files::isDirectory).sorted().toList()) {
        List<Path> images = photosIn(person);
        if (!images.isEmpty()) {
          out.add(new PersonPhotos(person.getFileName().toString().replace('_', ' '), images));
        }
      }
    } catch (IOException e) {
      throw new UserFacingException("cannot read " + dir + ": " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new UserFacingException(dir + " holds no sub-folder with photos");
    }
    return out;
  }

  private static List<Path> photosIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(PersonFolders::isPhoto).sorted().toList();
    }
  }

  private static boolean isPhoto(Path f) {
    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return IMAGE_SUFFIXES.stream().anyMatch(name::endsWith);
  }
}
