package io.convene.application.recording;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Recordings' settings ({@code convene.recordings.*}). The part size chunks are streamed to
 * storage in is the storage's ({@code convene.storage.part-size}).
 *
 * @param maxChunkSize     the largest chunk an upload may carry (bigger: 413)
 * @param playbackValidity how long a playback URL works
 * @param recorderRole     the realm role of the recorder's service account (may upload to any meeting that records)
 */
@ConfigurationProperties("convene.recordings")
public record RecordingProperties(
        @DefaultValue("512MB") DataSize maxChunkSize,
        @DefaultValue("15m") Duration playbackValidity,
        @DefaultValue("recorder") String recorderRole) {
}
