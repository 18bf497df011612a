package io.convene.api.recording;

import static io.convene.application.shared.Ids.meetingId;

import io.convene.application.recording.RecordingReads;
import io.convene.application.recording.RecordingReads.Playback;
import io.convene.application.recording.RecordingReads.RecordingCard;
import io.convene.application.recording.RecordingRemoval;
import io.convene.application.recording.RecordingUploads;
import io.convene.application.recording.RecordingUploads.ChunkReceipt;
import io.convene.application.recording.RecordingUploads.ChunkUpload;
import io.convene.application.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A meeting's recording: the recorder's chunk uploads (the body streamed to storage as it
 * arrives), the manifest key, the Recording card, playback URLs, and the owner's delete.
 */
@RestController
@RequestMapping("/api/meetings/{meetingId}/recording")
@Tag(name = "recordings")
class RecordingController {

    /** Where the manifest is written, relative to the recording's folder. */
    record ManifestKey(String manifestKey) {}

    private final RecordingUploads uploads;
    private final RecordingReads reads;
    private final RecordingRemoval removal;

    RecordingController(RecordingUploads uploads, RecordingReads reads, RecordingRemoval removal) {
        this.uploads = uploads;
        this.reads = reads;
        this.removal = removal;
    }

    @PutMapping("/chunks/{sequence}")
    @Operation(summary = "Upload chunk {sequence} (0, 1, …) of the recording; the body is the chunk's bytes, streamed to "
            + "storage. Headers: X-Chunk-Duration-Ms, and X-Checksum-SHA256 (hex) or Content-MD5 (base64). "
            + "201 stored, 200 the same bytes were there already, 409 other bytes or the recording is finalised, "
            + "400 checksum mismatch (nothing stored), 413 over the chunk size cap",
            parameters = {
                    @Parameter(name = RecordingUploads.DURATION_HEADER, in = ParameterIn.HEADER, required = true,
                            description = "the chunk's media duration in milliseconds",
                            schema = @Schema(type = "integer", format = "int64", minimum = "0")),
                    @Parameter(name = RecordingUploads.SHA256_HEADER, in = ParameterIn.HEADER,
                            description = "the chunk's SHA-256, 64 hex digits", schema = @Schema(type = "string")),
                    @Parameter(name = RecordingUploads.MD5_HEADER, in = ParameterIn.HEADER,
                            description = "the chunk's MD5, base64 (RFC 1864)", schema = @Schema(type = "string"))})
    ResponseEntity<ChunkReceipt> uploadChunk(@PathVariable String meetingId, @PathVariable String sequence,
                                             HttpServletRequest request, Actor actor) throws IOException {
        ChunkReceipt receipt = uploads.upload(meetingId("meetingId", meetingId), sequence, new ChunkUpload(
                request.getInputStream(), request.getContentLengthLong(), request.getContentType(),
                request.getHeader(RecordingUploads.DURATION_HEADER), request.getHeader(RecordingUploads.MD5_HEADER),
                request.getHeader(RecordingUploads.SHA256_HEADER)), actor);
        return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK).body(receipt);
    }

    @PutMapping("/manifest-key")
    @Operation(summary = "Name the manifest the finalisation writes next to the chunks (default manifest.json)")
    RecordingCard manifestKey(@PathVariable String meetingId, @RequestBody ManifestKey body, Actor actor) {
        return uploads.setManifestKey(meetingId("meetingId", meetingId), body.manifestKey(), actor);
    }

    @GetMapping
    @Operation(summary = "The Recording card: status recording | processing | ready | failed, chunk count, total size, "
            + "duration, started by/at, format")
    RecordingCard card(@PathVariable String meetingId, Actor actor) {
        return reads.card(meetingId("meetingId", meetingId), actor);
    }

    @GetMapping("/playback")
    @Operation(summary = "Time-limited URLs of a ready recording: its manifest and its chunks in order (play them as one)")
    Playback playback(@PathVariable String meetingId, Actor actor) {
        return reads.playback(meetingId("meetingId", meetingId), actor);
    }

    @DeleteMapping
    @Operation(summary = "Delete the recording and its objects (the meeting's owner, at any time)")
    ResponseEntity<Void> delete(@PathVariable String meetingId, Actor actor) {
        removal.delete(meetingId("meetingId", meetingId), actor);
        return ResponseEntity.noContent().build();
    }
}
