package io.facetrail.matcher.archive;

/** Where the matcher hands each ended track: the archive's writer, or nowhere when it is off. */
public interface ArchiveSink {
  /** Takes an ended track and its decision; never blocks for long. */
  void ended(ArchivedTrack track, TrackDecision decision);

  /** Whether tracks handed over are kept (false: the caller need not build them). */
  boolean enabled();

  /** Archiving off. */
  ArchiveSink NONE =
      new ArchiveSink() {
        @Override
        public void ended(ArchivedTrack track, TrackDecision decision) {
          // Archiving is off: nothing is kept.
        }

        @Override
        public boolean enabled() {
          return false;
        }
      };
}
