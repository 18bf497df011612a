package io.convene.domain.meeting;

import io.convene.domain.user.DirectoryUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A meeting (or an instant call) with its participants: the aggregate every
 * meeting rule lives in. Methods take {@code now} from the caller's clock and
 * throw {@link MeetingRuleViolation} (bad input) or {@link MeetingConflict}
 * (wrong state). The version guards concurrent changes.
 */
@Table("meeting")
public class Meeting {

    @Id
    private final MeetingId id;
    private String title;
    private String description;
    private Instant startTime;
    private Instant endTime;
    private final Provider provider;
    private String externalUrl;
    private final String roomKey;
    private boolean recordingEnabled;
    private Integer maxParticipants;
    private boolean allowExternal;
    private boolean voiceOnly;
    private boolean muteOnJoin;
    private boolean waitingRoomEnabled;
    private final boolean isInstantCall;
    private MeetingStatus status;
    private final String createdBy;
    private final Instant createdAt;
    private Instant startedAt;
    private Instant endedAt;
    private final String callType;
    private final String sourceChannelId;
    private final String threadId;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "meeting_id")
    private Set<Participant> participants = new HashSet<>();

    @PersistenceCreator
    Meeting(MeetingId id, String title, String description, Instant startTime, Instant endTime, Provider provider,
            String externalUrl, String roomKey, boolean recordingEnabled, Integer maxParticipants,
            boolean allowExternal, boolean voiceOnly, boolean muteOnJoin, boolean waitingRoomEnabled,
            boolean isInstantCall, MeetingStatus status, String createdBy, Instant createdAt, Instant startedAt,
            Instant endedAt, String callType, String sourceChannelId, String threadId, Integer version) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.startTime = startTime;
        this.endTime = endTime;
        this.provider = provider;
        this.externalUrl = externalUrl;
        this.roomKey = roomKey;
        this.recordingEnabled = recordingEnabled;
        this.maxParticipants = maxParticipants;
        this.allowExternal = allowExternal;
        this.voiceOnly = voiceOnly;
        this.muteOnJoin = muteOnJoin;
        this.waitingRoomEnabled = waitingRoomEnabled;
        this.isInstantCall = isInstantCall;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.callType = callType;
        this.sourceChannelId = sourceChannelId;
        this.threadId = threadId;
        this.version = version;
    }

    /** Schedules a meeting; its creator is the owner, the invitees members. */
    public static Meeting schedule(MeetingId id, MeetingDetails details, DirectoryUser owner,
                                   Collection<DirectoryUser> invitees, boolean instantCall, Instant now) {
        Meeting meeting = new Meeting(id, details.title(), details.description(), details.startTime(),
                details.endTime(), details.provider(), details.externalUrl(), "room-" + UUID.randomUUID(),
                details.recordingEnabled(), details.maxParticipants(), details.allowExternal(), details.voiceOnly(),
                details.muteOnJoin(), details.waitingRoomEnabled(), instantCall, MeetingStatus.SCHEDULED, owner.id(),
                now, null, null,
                null, null, null, null);
        meeting.participants.add(Participant.invited(owner.id(), owner.displayName(), MeetingRole.OWNER,
                ParticipantStatus.ACCEPTED, now));
        meeting.invite(invitees, now);
        return meeting;
    }

    /**
     * Starts an instant call now: the caller is its owner and in it at once; the
     * callees are invited (they are rung). Its room is a Jitsi room. Until it ends its end time is
     * its maximum ({@code now + maximum}, the client's own "Max duration"); then its real end.
     */
    public static Meeting call(MeetingId id, String title, CallOrigin origin, DirectoryUser caller,
                               Collection<DirectoryUser> callees, Duration maximum, Instant now) {
        Meeting call = new Meeting(id, title, null, now, now.plus(maximum), Provider.JITSI, null,
                "call-" + UUID.randomUUID(), false, null, false, "audio".equals(origin.callType()), false, false, true,
                MeetingStatus.SCHEDULED,
                caller.id(), now, null, null, origin.callType(), origin.sourceChannelId(), origin.threadId(), null);
        call.participants.add(Participant.invited(caller.id(), caller.displayName(), MeetingRole.OWNER,
                ParticipantStatus.ACCEPTED, now));
        call.invite(callees, now);
        call.join(caller.id(), true, now);
        return call;
    }

    // ---- participants

    /** Invites users not yet in the meeting as members; returns those newly added. */
    public List<DirectoryUser> invite(Collection<DirectoryUser> users, Instant now) {
        requireOpen();
        List<DirectoryUser> added = users.stream().filter(u -> participant(u.id()).isEmpty()).distinct().toList();
        long active = participants().size();
        if (maxParticipants != null && active + added.size() > maxParticipants) {
            throw new MeetingRuleViolation("participantIds",
                    "would make " + (active + added.size()) + " participants; maxParticipants is " + maxParticipants);
        }
        for (DirectoryUser user : added) {
            participants.stream().filter(p -> p.userId().equals(user.id())).findFirst().ifPresentOrElse(
                    removed -> removed.reinvited(user.displayName()),
                    () -> participants.add(Participant.invited(user.id(), user.displayName(), MeetingRole.MEMBER,
                            ParticipantStatus.INVITED, now)));
        }
        return added;
    }

    /** Removes a participant; one who is in the meeting leaves first (see {@link #leave}). */
    public Departure remove(String userId, Instant now) {
        Participant participant = requireParticipant(userId);
        if (participant.role() == MeetingRole.OWNER) {
            throw new MeetingConflict("the owner cannot be removed");
        }
        Departure departure = participant.isPresent() ? leave(userId, now) : Departure.OTHERS_STAY;
        if (participant.everJoined()) {
            participant.removed(); // they were there: the call log and the joiner count keep them
        } else {
            participants.remove(participant);
        }
        return departure;
    }

    public void respond(String userId, boolean accept) {
        requireOpen();
        Participant participant = requireParticipant(userId);
        if (participant.role() == MeetingRole.OWNER) {
            throw new MeetingConflict("the owner does not answer their own invitation");
        }
        if (participant.isPresent()) {
            throw new MeetingConflict("already in the meeting");
        }
        participant.respond(accept);
    }

    /** An owner or manager mutes a participant (Sc6.3); they may unmute themselves. False if already so. */
    public boolean mute(String userId, boolean muted, String by, Instant now) {
        requireOpen();
        return requireParticipant(userId).mute(muted, by, now);
    }

    public void assignRole(String userId, MeetingRole role) {
        if (role == MeetingRole.OWNER) {
            throw new MeetingRuleViolation("roleId", "there is one owner, the creator; it cannot be assigned");
        }
        Participant participant = requireParticipant(userId);
        if (participant.role() == MeetingRole.OWNER) {
            throw new MeetingRuleViolation("userId", "the owner's role cannot be changed");
        }
        participant.assign(role);
    }

    // ---- lifecycle

    /** Joins; returns true when this join started the meeting. */
    public boolean join(String userId, boolean mayStartEarly, Instant now) {
        Participant participant = requireParticipant(userId);
        boolean started = false;
        switch (status) {
            case SCHEDULED -> {
                if (now.isBefore(startTime) && !mayStartEarly) {
                    throw new MeetingConflict("the meeting starts at " + startTime + "; only the owner or a manager can start it earlier");
                }
                start(now);
                started = true;
            }
            case IN_PROGRESS -> { }
            case ENDED, CANCELLED -> throw new MeetingConflict("the meeting is " + status.name().toLowerCase());
        }
        participant.join(now);
        return started;
    }

    /** What a leave did to the meeting. */
    public enum Departure {
        /** Someone is still in it. */
        OTHERS_STAY,
        /** A scheduled meeting emptied before its scheduled end: it stays joinable until then (PRODUCT.md). */
        EMPTIED,
        /** Nobody is left and it ended: a call, or a meeting emptied at or after its scheduled end. */
        ENDED
    }

    /** Leaves. The last one out ends a call at once, a scheduled meeting only at or after its scheduled end. */
    public Departure leave(String userId, Instant now) {
        Participant participant = requireParticipant(userId);
        if (!participant.isPresent()) {
            throw new MeetingConflict("not in the meeting");
        }
        participant.leave(now);
        if (!isEmpty()) {
            return Departure.OTHERS_STAY;
        }
        if (!isInstantCall && now.isBefore(endTime)) {
            return Departure.EMPTIED;
        }
        finish(now);
        return Departure.ENDED;
    }

    /** True while the meeting is in progress with nobody in it (waiting, joinable, for its scheduled end). */
    public boolean isEmpty() {
        return status == MeetingStatus.IN_PROGRESS && participants.stream().noneMatch(Participant::isPresent);
    }

    /**
     * The scheduled end came and nobody is in it: it ended when the last one left. False if it
     * is not in progress any more; someone in it is a conflict (a join would have reopened it).
     */
    public boolean endEmpty() {
        if (status != MeetingStatus.IN_PROGRESS) {
            return false;
        }
        if (!isEmpty()) {
            throw new MeetingConflict("someone is in the meeting");
        }
        finish(lastLeftAt());
        return true;
    }

    public void start(Instant now) {
        if (status != MeetingStatus.SCHEDULED) {
            throw new MeetingConflict("the meeting is " + status.name().toLowerCase());
        }
        status = MeetingStatus.IN_PROGRESS;
        startedAt = now;
    }

    /** The host ends the meeting: everyone is disconnected. */
    public void end(Instant now) {
        if (status != MeetingStatus.IN_PROGRESS) {
            throw new MeetingConflict("only a meeting in progress can be ended; it is " + status.name().toLowerCase());
        }
        participants.forEach(p -> p.leave(now));
        finish(now);
    }

    /**
     * Ends a meeting nobody ended (the process's fallback); false if it was over already. An
     * empty one ended when the last one left; otherwise everyone still in leaves now.
     */
    public boolean close(Instant now) {
        if (status != MeetingStatus.IN_PROGRESS) {
            return false;
        }
        if (isEmpty()) {
            finish(lastLeftAt());
        } else {
            participants.forEach(p -> p.leave(now));
            finish(now);
        }
        return true;
    }

    private Instant lastLeftAt() {
        return participants.stream().map(Participant::leftAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(startedAt);
    }

    public void cancel() {
        if (status != MeetingStatus.SCHEDULED) {
            throw new MeetingConflict("only a scheduled meeting can be cancelled; it is " + status.name().toLowerCase());
        }
        status = MeetingStatus.CANCELLED;
    }

    public void update(MeetingDetails details) {
        boolean timesChanged = !details.startTime().equals(startTime) || !details.endTime().equals(endTime);
        if (timesChanged && status != MeetingStatus.SCHEDULED) {
            throw new MeetingConflict("the time of a meeting that is " + status.name().toLowerCase() + " cannot change");
        }
        if (details.maxParticipants() != null && participants().size() > details.maxParticipants()) {
            throw new MeetingRuleViolation("maxParticipants", "the meeting already has " + participants().size() + " participants");
        }
        if (details.provider() != provider) {
            throw new MeetingRuleViolation("provider", "the provider of a meeting cannot change");
        }
        title = details.title();
        description = details.description();
        startTime = details.startTime();
        endTime = details.endTime();
        externalUrl = details.externalUrl();
        recordingEnabled = details.recordingEnabled();
        maxParticipants = details.maxParticipants();
        allowExternal = details.allowExternal();
        voiceOnly = details.voiceOnly();
        muteOnJoin = details.muteOnJoin();
        waitingRoomEnabled = details.waitingRoomEnabled();
    }

    public MeetingDetails details() {
        return new MeetingDetails(title, description, startTime, endTime, provider, externalUrl, recordingEnabled,
                maxParticipants, allowExternal, voiceOnly, muteOnJoin, waitingRoomEnabled);
    }

    private void finish(Instant now) {
        status = MeetingStatus.ENDED;
        endedAt = now;
        if (isInstantCall) {
            endTime = now; // a call has no schedule: its end time was its maximum, now it is its real end
        }
    }

    private void requireOpen() {
        if (status == MeetingStatus.ENDED || status == MeetingStatus.CANCELLED) {
            throw new MeetingConflict("the meeting is " + status.name().toLowerCase());
        }
    }

    private Participant requireParticipant(String userId) {
        return participant(userId).orElseThrow(() -> new MeetingRuleViolation("userId", "is not a participant of this meeting"));
    }

    // ---- reading

    /** A participant of the meeting (not one removed from it). */
    public Optional<Participant> participant(String userId) {
        return participants.stream().filter(p -> !p.isRemoved() && p.userId().equals(userId)).findFirst();
    }

    /** The meeting's participants (not those removed from it), owner first. */
    public List<Participant> participants() {
        return participants.stream().filter(p -> !p.isRemoved())
                .sorted(java.util.Comparator.comparing(Participant::role).thenComparing(Participant::displayName))
                .toList();
    }

    /** For the call log: the participants and those removed after they joined. */
    public List<Participant> attendees() {
        return participants.stream()
                .sorted(java.util.Comparator.comparing(Participant::role).thenComparing(Participant::displayName))
                .toList();
    }

    /** Invited and not declined: who gets reminders. */
    public List<Participant> expectedParticipants() {
        return participants().stream().filter(p -> !p.hasDeclined()).toList();
    }

    public long distinctJoiners() {
        return participants.stream().filter(Participant::everJoined).count();
    }

    public Duration duration() {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(startedAt, endedAt != null ? endedAt : startedAt);
    }

    public MeetingId id() { return id; }
    public String title() { return title; }
    public String description() { return description; }
    public Instant startTime() { return startTime; }
    public Instant endTime() { return endTime; }
    public Provider provider() { return provider; }
    public String externalUrl() { return externalUrl; }
    public String roomKey() { return roomKey; }
    public boolean recordingEnabled() { return recordingEnabled; }
    public Integer maxParticipants() { return maxParticipants; }
    public boolean allowExternal() { return allowExternal; }
    public boolean voiceOnly() { return voiceOnly; }
    public boolean muteOnJoin() { return muteOnJoin; }
    public boolean waitingRoomEnabled() { return waitingRoomEnabled; }
    public boolean isInstantCall() { return isInstantCall; }
    public MeetingStatus status() { return status; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant startedAt() { return startedAt; }
    public Instant endedAt() { return endedAt; }
    public Integer version() { return version; }
    public String callType() { return callType; }
    public String sourceChannelId() { return sourceChannelId; }
    public String threadId() { return threadId; }

    /** Seed 002's {@code Meeting.channelId}: the channel (or seed 001's thread) a call was placed from. */
    public String channelId() { return sourceChannelId != null ? sourceChannelId : threadId; }

    /** Records the client the participant joined with (seed 001's call log). */
    public void joinedWith(String userId, String deviceInfo) {
        requireParticipant(userId).deviceInfo(deviceInfo);
    }

    /** Whether the participant's (last) join is tracked by their sockets: see {@link Participant#trackedBySocket()}. */
    public void trackedBySocket(String userId, boolean tracked) {
        requireParticipant(userId).trackedBySocket(tracked);
    }
}
