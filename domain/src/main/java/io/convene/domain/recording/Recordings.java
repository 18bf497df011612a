package io.convene.domain.recording;

import io.convene.domain.meeting.MeetingId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The meetings' recordings and their chunks. */
@Component
public class Recordings {

    private final JdbcClient jdbc;

    Recordings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a new recording unless the meeting has one; true when this one was added. */
    public boolean add(Recording r) {
        return jdbc.sql("""
                insert into meeting_recording (recording_id, meeting_id, owner_id, started_by, started_at, last_chunk_at,
                    status, format, storage_prefix, manifest_key)
                values (:id, :meeting, :owner, :startedBy, :startedAt, :startedAt, :status, :format, :prefix, :manifest)
                on conflict (meeting_id) do nothing""")
                .param("id", r.id().value()).param("meeting", r.meetingId().value()).param("owner", r.ownerId())
                .param("startedBy", r.startedBy()).param("startedAt", Timestamp.from(r.startedAt()))
                .param("status", r.status().label()).param("format", r.format()).param("prefix", r.storagePrefix())
                .param("manifest", r.manifestKey())
                .update() == 1;
    }

    public Optional<Recording> ofMeeting(MeetingId meetingId) {
        return jdbc.sql("select * from meeting_recording where meeting_id = :meeting")
                .param("meeting", meetingId.value()).query(Recordings::map).optional();
    }

    /** The meeting's recording, its row locked until the transaction ends (uploads against the finalisation). */
    public Optional<Recording> lockOfMeeting(MeetingId meetingId) {
        return jdbc.sql("select * from meeting_recording where meeting_id = :meeting for update")
                .param("meeting", meetingId.value()).query(Recordings::map).optional();
    }

    public Optional<Recording> find(RecordingId id) {
        return jdbc.sql("select * from meeting_recording where recording_id = :id")
                .param("id", id.value()).query(Recordings::map).optional();
    }

    public Optional<Recording> lock(RecordingId id) {
        return jdbc.sql("select * from meeting_recording where recording_id = :id for update")
                .param("id", id.value()).query(Recordings::map).optional();
    }

    /**
     * Acknowledges a chunk: inserted unless its sequence is taken, and the recording's totals
     * follow. Returns the chunk stored under that sequence (this one, or the one that was there).
     */
    public RecordingChunk addChunk(RecordingChunk c) {
        int added = jdbc.sql("""
                insert into recording_chunk (recording_id, sequence, object_key, size_bytes, duration_ms, sha256, md5,
                    content_type, uploaded_by, uploaded_at)
                values (:id, :seq, :key, :size, :duration, :sha256, :md5, :type, :by, :at)
                on conflict (recording_id, sequence) do nothing""")
                .param("id", c.recordingId().value()).param("seq", c.sequence()).param("key", c.objectKey())
                .param("size", c.sizeBytes()).param("duration", c.durationMs()).param("sha256", c.sha256())
                .param("md5", c.md5()).param("type", c.contentType()).param("by", c.uploadedBy())
                .param("at", Timestamp.from(c.uploadedAt()))
                .update();
        if (added == 1) {
            jdbc.sql("""
                    update meeting_recording set chunk_count = chunk_count + 1, size_bytes = size_bytes + :size,
                        duration_ms = duration_ms + :duration, last_chunk_at = :at where recording_id = :id""")
                    .param("id", c.recordingId().value()).param("size", c.sizeBytes())
                    .param("duration", c.durationMs()).param("at", Timestamp.from(c.uploadedAt())).update();
        }
        return chunk(c.recordingId(), c.sequence()).orElseThrow();
    }

    public Optional<RecordingChunk> chunk(RecordingId id, int sequence) {
        return jdbc.sql("select * from recording_chunk where recording_id = :id and sequence = :seq")
                .param("id", id.value()).param("seq", sequence).query(Recordings::chunk).optional();
    }

    /** The recording's chunks in sequence order. */
    public List<RecordingChunk> chunks(RecordingId id) {
        return jdbc.sql("select * from recording_chunk where recording_id = :id order by sequence")
                .param("id", id.value()).query(Recordings::chunk).list();
    }

    public void setManifestKey(RecordingId id, String manifestKey) {
        jdbc.sql("update meeting_recording set manifest_key = :key where recording_id = :id")
                .param("id", id.value()).param("key", manifestKey).update();
    }

    /** Moves the recording from {@code from} to {@code to}; false when it was not in {@code from}. */
    public boolean move(RecordingId id, RecordingStatus from, RecordingStatus to, Instant now) {
        return jdbc.sql("""
                update meeting_recording set status = :to,
                    ended_at = case when :ends then cast(:now as timestamptz) else ended_at end
                where recording_id = :id and status = :from""")
                .param("id", id.value()).param("from", from.label()).param("to", to.label())
                .param("ends", to != RecordingStatus.PROCESSING).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public boolean markReady(RecordingId id, Instant now) {
        return jdbc.sql("""
                update meeting_recording set status = 'ready', ready_at = :now, ended_at = :now
                where recording_id = :id and status = 'processing'""")
                .param("id", id.value()).param("now", Timestamp.from(now)).update() == 1;
    }

    public boolean markFailed(RecordingId id, String reason, Instant now) {
        return jdbc.sql("""
                update meeting_recording set status = 'failed', failure_reason = :reason, ended_at = :now
                where recording_id = :id and status = 'processing'""")
                .param("id", id.value()).param("reason", reason).param("now", Timestamp.from(now)).update() == 1;
    }

    /** Its owner deleted it: hidden at once; the process deletes its objects and then the row. */
    public void markDeleted(RecordingId id, Instant now) {
        jdbc.sql("update meeting_recording set status = 'deleted', ended_at = :now where recording_id = :id")
                .param("id", id.value()).param("now", Timestamp.from(now)).update();
    }

    /** Forgets the recording and its chunks (their objects are deleted first). */
    public void delete(RecordingId id) {
        jdbc.sql("delete from meeting_recording where recording_id = :id").param("id", id.value()).update();
    }

    private static Recording map(ResultSet rs, int row) throws SQLException {
        return new Recording(new RecordingId(rs.getString("recording_id")), new MeetingId(rs.getString("meeting_id")),
                rs.getString("owner_id"), rs.getString("started_by"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("last_chunk_at")),
                RecordingStatus.valueOf(rs.getString("status").toUpperCase()), rs.getString("format"),
                rs.getString("storage_prefix"), rs.getString("manifest_key"), rs.getInt("chunk_count"),
                rs.getLong("size_bytes"), rs.getLong("duration_ms"), rs.getString("failure_reason"),
                instant(rs.getTimestamp("ready_at")), instant(rs.getTimestamp("ended_at")));
    }

    private static RecordingChunk chunk(ResultSet rs, int row) throws SQLException {
        return new RecordingChunk(new RecordingId(rs.getString("recording_id")), rs.getInt("sequence"),
                rs.getString("object_key"), rs.getLong("size_bytes"), rs.getLong("duration_ms"),
                rs.getString("sha256"), rs.getString("md5"), rs.getString("content_type"),
                rs.getString("uploaded_by"), instant(rs.getTimestamp("uploaded_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
