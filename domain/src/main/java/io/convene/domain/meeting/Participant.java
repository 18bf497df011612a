package io.convene.domain.meeting;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.relational.core.mapping.Table;

/** A portal user in a meeting: role, answer, attendance. Part of the {@link Meeting} aggregate. */
@Table("meeting_participant")
public class Participant {

    private final String userId;
    private String displayName;
    private MeetingRole role;
    private ParticipantStatus status;
    private final Instant invitedAt;
    private Instant joinedAt;
    private Instant firstJoinedAt;
    private Instant leftAt;
    private long attendedSeconds;
    private boolean everJoined;
    private String deviceInfo;
    private boolean muted;
    private String mutedBy;
    private Instant mutedAt;
    private boolean socketTracked;

    @org.springframework.data.annotation.PersistenceCreator
    Participant(String userId, String displayName, MeetingRole role, ParticipantStatus status, Instant invitedAt,
                Instant joinedAt, Instant firstJoinedAt, Instant leftAt, long attendedSeconds, boolean everJoined,
                String deviceInfo, boolean muted, String mutedBy, Instant mutedAt, boolean socketTracked) {
        this.socketTracked = socketTracked;
        this.muted = muted;
        this.mutedBy = mutedBy;
        this.mutedAt = mutedAt;
        this.firstJoinedAt = firstJoinedAt;
        this.userId = userId;
        this.displayName = displayName;
        this.role = role;
        this.status = status;
        this.invitedAt = invitedAt;
        this.joinedAt = joinedAt;
        this.leftAt = leftAt;
        this.attendedSeconds = attendedSeconds;
        this.everJoined = everJoined;
        this.deviceInfo = deviceInfo;
    }

    static Participant invited(String userId, String displayName, MeetingRole role, ParticipantStatus status, Instant now) {
        return new Participant(userId, displayName, role, status, now, null, null, null, 0, false, null, false, null, null,
                false);
    }

    void join(Instant now) {
        if (status == ParticipantStatus.JOINED) {
            return; // a second device or a reload: still in since joinedAt
        }
        status = ParticipantStatus.JOINED;
        joinedAt = now;
        if (firstJoinedAt == null) {
            firstJoinedAt = now;
        }
        leftAt = null;
        everJoined = true;
    }

    /** Taken out of the meeting (after leaving it): kept only for the call log. */
    void removed() {
        status = ParticipantStatus.REMOVED;
    }

    boolean isRemoved() {
        return status == ParticipantStatus.REMOVED;
    }

    /** Invited again after a removal: a member who has not answered. */
    void reinvited(String displayName) {
        this.displayName = displayName;
        this.role = MeetingRole.MEMBER;
        this.status = ParticipantStatus.INVITED;
    }

    /** The first time they joined (a rejoin moves {@link #joinedAt()}, not this). */
    public Instant firstJoinedAt() {
        return firstJoinedAt;
    }

    void leave(Instant now) {
        if (status == ParticipantStatus.JOINED) {
            attendedSeconds += Math.max(0, Duration.between(joinedAt, now).toSeconds());
            status = ParticipantStatus.LEFT;
            leftAt = now;
        }
    }

    void respond(boolean accept) {
        status = accept ? ParticipantStatus.ACCEPTED : ParticipantStatus.DECLINED;
    }

    boolean mute(boolean mute, String by, Instant now) {
        if (muted == mute) {
            return false;
        }
        muted = mute;
        mutedBy = by;
        mutedAt = now;
        return true;
    }

    public boolean muted() {
        return muted;
    }

    /** Who muted (or last unmuted) them, and when. */
    public String mutedBy() {
        return mutedBy;
    }

    public Instant mutedAt() {
        return mutedAt;
    }

    void assign(MeetingRole newRole) {
        role = newRole;
    }

    void deviceInfo(String info) {
        deviceInfo = info == null ? null : info.substring(0, Math.min(info.length(), 500));
    }

    public String deviceInfo() {
        return deviceInfo;
    }

    void trackedBySocket(boolean tracked) {
        socketTracked = tracked;
    }

    /**
     * Whether this participation is tracked by the user's sockets: the last join happened while the
     * user had a live socket (or came over it), so their last socket closing makes them leave after
     * the leave grace. A join over REST alone is not tracked: such a client leaves explicitly.
     */
    public boolean trackedBySocket() {
        return socketTracked;
    }

    public boolean isPresent() {
        return status == ParticipantStatus.JOINED;
    }

    public boolean hasDeclined() {
        return status == ParticipantStatus.DECLINED;
    }

    public String userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public MeetingRole role() {
        return role;
    }

    public ParticipantStatus status() {
        return status;
    }

    public Instant invitedAt() {
        return invitedAt;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public Instant leftAt() {
        return leftAt;
    }

    public long attendedSeconds() {
        return attendedSeconds;
    }

    public boolean everJoined() {
        return everJoined;
    }
}
