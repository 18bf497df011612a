package io.convene.processes.recording;

/**
 * The recording-finalisation process: one instance per meeting recording, business key = the
 * recording id ({@code rec_…}), started by the first chunk. Collects chunks until a quiet period
 * passes or the meeting ends, verifies them, writes the manifest, marks the recording ready (or
 * failed), keeps it for the retention and deletes it; its owner may delete it at any time.
 */
public final class RecordingFinalisationProcess {

    public static final String KEY = "recording-finalisation";
    public static final String RESOURCE = "bpmn/recording-finalisation.bpmn";

    /** Message names the gateway correlates. */
    public static final class Messages {
        /** Another chunk came: the quiet period starts again. By business key. */
        public static final String CHUNK_UPLOADED = "RecordingChunkUploaded";
        /** The recording's meeting ended: stop waiting. By the variable {@link Variables#MEETING}. */
        public static final String MEETING_ENDED = "RecordingMeetingEnded";
        /** Its owner deleted it (the event subprocess). By business key. */
        public static final String DELETED_BY_OWNER = "RecordingDeletedByOwner";

        private Messages() {}
    }

    /** Element ids in {@code recording-finalisation.bpmn}. */
    public static final class Elements {
        public static final String START = "StartEvent_FirstChunk";
        public static final String COLLECTING = "Gateway_Collecting";
        public static final String CHUNK_UPLOADED = "CatchEvent_ChunkUploaded";
        public static final String QUIET_PERIOD = "TimerEvent_QuietPeriod";
        public static final String MEETING_ENDED = "CatchEvent_MeetingEnded";
        public static final String CLOSE_UPLOADS = "Task_CloseUploads";
        public static final String VERIFY = "Task_VerifyChunks";
        public static final String CHUNKS_INVALID = "BoundaryEvent_ChunksInvalid";
        public static final String WRITE_MANIFEST = "Task_WriteManifest";
        public static final String MARK_READY = "Task_MarkReady";
        public static final String MARK_FAILED = "Task_MarkFailed";
        public static final String RETENTION = "TimerEvent_Retention";
        public static final String DELETE = "Task_DeleteRecording";
        public static final String DELETED = "EndEvent_RecordingDeleted";
        public static final String DELETED_BY_OWNER = "SubProcess_DeletedByOwner";
        public static final String DELETE_NOW = "Task_DeleteRecordingNow";
        public static final String DELETED_NOW = "EndEvent_DeletedByOwner";

        private Elements() {}
    }

    public static final class Variables {
        /** The recording (String, {@code rec_…}); also the business key. */
        public static final String RECORDING = "recordingId";
        /** The recording's meeting (String, {@code mtg_…} / {@code call_…}). */
        public static final String MEETING = "meetingId";
        /** Why the chunks were refused: the BPMN error's message, set by the boundary event. */
        public static final String FAILURE_REASON = "failureReason";

        private Variables() {}
    }

    /** The error code a verify worker throws (as a {@code BpmnError}) for missing or corrupt chunks. */
    public static final String RECORDING_INVALID = "RecordingInvalid";

    /** Bean names the model binds to. */
    public static final class Workers {
        public static final String CLOSE_UPLOADS = "closeRecordingUploads";
        public static final String VERIFY = "verifyRecordingChunks";
        public static final String WRITE_MANIFEST = "writeRecordingManifest";
        public static final String MARK_READY = "markRecordingReady";
        public static final String MARK_FAILED = "markRecordingFailed";
        public static final String DELETE = "deleteRecording";

        private Workers() {}
    }

    private RecordingFinalisationProcess() {}
}
