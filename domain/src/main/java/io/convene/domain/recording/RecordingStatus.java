package io.convene.domain.recording;

/**
 * Where a recording is: chunks still come ({@code RECORDING}), the finalisation verifies them and
 * writes the manifest ({@code PROCESSING}), it can be played ({@code READY}), a chunk was missing
 * or corrupt ({@code FAILED}), or its owner deleted it and its objects are being removed
 * ({@code DELETED}, never shown).
 */
public enum RecordingStatus {
    RECORDING, PROCESSING, READY, FAILED, DELETED;

    /** As the API and the database write it: lower case. */
    public String label() {
        return name().toLowerCase();
    }
}
