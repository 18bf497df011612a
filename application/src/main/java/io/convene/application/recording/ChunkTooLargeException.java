package io.convene.application.recording;

/** A chunk over {@code convene.recordings.max-chunk-size}: 413, nothing stored. */
public class ChunkTooLargeException extends RuntimeException {

    public ChunkTooLargeException(long maxBytes) {
        super("A chunk may hold at most " + maxBytes + " bytes (convene.recordings.max-chunk-size).");
    }
}
