package io.facetrail.deploy.docker;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One build stage: its {@code FROM} and the instructions up to the next {@code FROM}.
 *
 * @param base the image or earlier stage named by {@code FROM}
 * @param name the stage name ({@code AS name}), or empty
 * @param instructions the stage's instructions after its {@code FROM}
 */
public record Stage(String base, String name, List<Instruction> instructions) {
  public Stage {
    instructions = List.copyOf(instructions);
  }

  /** The last instruction with this keyword in this stage alone. */
  public Optional<Instruction> last(String keyword) {
    Instruction found = null;
    for (Instruction i : instructions) {
      if (i.keyword().equals(keyword.toUpperCase(Locale.ROOT))) {
        found = i;
      }
    }
    return Optional.ofNullable(found);
  }

  public List<Instruction> all(String keyword) {
    return instructions.stream()
        .filter(i -> i.keyword().equals(keyword.toUpperCase(Locale.ROOT)))
        .toList();
  }
}
