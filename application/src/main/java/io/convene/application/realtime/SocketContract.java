package io.convene.application.realtime;

import static io.convene.application.realtime.SocketMessage.Direction.FROM_CLIENT;
import static io.convene.application.realtime.SocketMessage.Direction.TO_CLIENT;

import io.convene.application.realtime.SocketPayloads.AllServerUsersLeft;
import io.convene.application.realtime.SocketPayloads.AutoAdmitted;
import io.convene.application.realtime.SocketPayloads.CallAccepted;
import io.convene.application.realtime.SocketPayloads.CallDeclined;
import io.convene.application.realtime.SocketPayloads.CallEnded;
import io.convene.application.realtime.SocketPayloads.CallIncoming;
import io.convene.application.realtime.SocketPayloads.CallLiveInvite;
import io.convene.application.realtime.SocketPayloads.CallNotify;
import io.convene.application.realtime.SocketPayloads.CallParticipantWaiting;
import io.convene.application.realtime.SocketPayloads.CallRinging;
import io.convene.application.realtime.SocketPayloads.CallStarted;
import io.convene.application.realtime.SocketPayloads.ChatMessage;
import io.convene.application.realtime.SocketPayloads.FirstParticipantJoined;
import io.convene.application.realtime.SocketPayloads.GuestAdmitted;
import io.convene.application.realtime.SocketPayloads.GuestAnswer;
import io.convene.application.realtime.SocketPayloads.GuestDeclined;
import io.convene.application.realtime.SocketPayloads.GuestJoined;
import io.convene.application.realtime.SocketPayloads.GuestLeft;
import io.convene.application.realtime.SocketPayloads.GuestRemoved;
import io.convene.application.realtime.SocketPayloads.GuestWaiting;
import io.convene.application.realtime.SocketPayloads.Heartbeat;
import io.convene.application.realtime.SocketPayloads.InviteLinkGenerated;
import io.convene.application.realtime.SocketPayloads.LiveInviteSent;
import io.convene.application.realtime.SocketPayloads.MeetingCancelled;
import io.convene.application.realtime.SocketPayloads.MeetingCreated;
import io.convene.application.realtime.SocketPayloads.MeetingEnded;
import io.convene.application.realtime.SocketPayloads.MeetingInfo;
import io.convene.application.realtime.SocketPayloads.MeetingRef;
import io.convene.application.realtime.SocketPayloads.MeetingReminder;
import io.convene.application.realtime.SocketPayloads.MeetingStarted;
import io.convene.application.realtime.SocketPayloads.MeetingUpdated;
import io.convene.application.realtime.SocketPayloads.NotificationDismissed;
import io.convene.application.realtime.SocketPayloads.NotificationNew;
import io.convene.application.realtime.SocketPayloads.ParticipantCount;
import io.convene.application.realtime.SocketPayloads.ParticipantInvited;
import io.convene.application.realtime.SocketPayloads.ParticipantJoined;
import io.convene.application.realtime.SocketPayloads.ParticipantLeft;
import io.convene.application.realtime.SocketPayloads.ParticipantMuted;
import io.convene.application.realtime.SocketPayloads.ParticipantRegistered;
import io.convene.application.realtime.SocketPayloads.ParticipantStatusChanged;
import io.convene.application.realtime.SocketPayloads.ParticipantsInfo;
import io.convene.application.realtime.SocketPayloads.PresenceBulkUpdate;
import io.convene.application.realtime.SocketPayloads.PresenceSubscription;
import io.convene.application.realtime.SocketPayloads.PresenceUpdate;
import io.convene.application.realtime.SocketPayloads.RecordingReady;
import io.convene.application.realtime.SocketPayloads.SoftphoneCall;
import io.convene.application.realtime.SocketPayloads.SoftphoneConfigChanged;
import io.convene.application.realtime.SocketPayloads.UserConnected;
import io.convene.application.realtime.SocketPayloads.UserDisconnected;
import io.convene.application.realtime.SocketPayloads.WebhookDisabled;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every message of the Socket.IO default namespace, both ways: the names of seed 002 §1.4 where
 * the seed names one, their payload records ({@link SocketPayloads}), who receives them. The
 * routing ({@link EventRouting}) sends only these, the gateway accepts only the client's ones,
 * and the AsyncAPI document is made from this list.
 */
public final class SocketContract {

    private static final List<SocketMessage<?>> ALL = new ArrayList<>();

    private SocketContract() {}

    // ---- meetings (seed 002 §1.4)
    public static final SocketMessage<MeetingCreated> MEETING_CREATED = out("meeting:created", MeetingCreated.class,
            "the meeting's participants", "A meeting was scheduled, or you were invited to one.");
    public static final SocketMessage<MeetingUpdated> MEETING_UPDATED = out("meeting:updated", MeetingUpdated.class,
            "the meeting's participants", "A meeting's details changed: each changed field with its new value.");
    public static final SocketMessage<MeetingCancelled> MEETING_CANCELLED = out("meeting:cancelled",
            MeetingCancelled.class, "the meeting's participants",
            "A meeting was cancelled (reason: cancelled), or a meeting or call was deleted (reason: deleted).");
    public static final SocketMessage<MeetingStarted> MEETING_STARTED = out("meeting:started", MeetingStarted.class,
            "the meeting's participants", "A meeting is in progress: started early, or at its start time.");
    public static final SocketMessage<MeetingEnded> MEETING_ENDED = out("meeting:ended", MeetingEnded.class,
            "the meeting's participants", "A meeting ended: its duration (s) and how many distinct users joined.");
    public static final SocketMessage<MeetingReminder> MEETING_REMINDER = out("meeting:reminder",
            MeetingReminder.class, "the invited participants not in the meeting",
            "A meeting starts soon (minutesBefore: 15, or the true minutes when scheduled at short notice) or now (0).");
    public static final SocketMessage<ParticipantJoined> PARTICIPANT_JOINED = out("meeting:participant_joined",
            ParticipantJoined.class, "the meeting's participants", "Someone joined the meeting or call.");
    public static final SocketMessage<FirstParticipantJoined> FIRST_PARTICIPANT_JOINED = out(
            "meeting:first_participant_joined", FirstParticipantJoined.class, "the meeting's participants",
            "The first portal user is in the meeting: others waiting to join (and guests) may come in.");
    public static final SocketMessage<ParticipantLeft> PARTICIPANT_LEFT = out("meeting:participant_left",
            ParticipantLeft.class, "the meeting's participants",
            "Someone left the meeting or call (reason: left, disconnected).");
    public static final SocketMessage<LiveInviteSent> LIVE_INVITE_SENT = out("meeting:live_invite_sent",
            LiveInviteSent.class, "the invitee", "You were invited into a meeting under way.");
    public static final SocketMessage<ParticipantMuted> PARTICIPANT_MUTED = out("meeting:participant_muted",
            ParticipantMuted.class, "the meeting's participants",
            "Someone was muted or unmuted (Sc6.3: \"You were muted by Bob\"). Convene's name; the seed names none.");
    public static final SocketMessage<InviteLinkGenerated> INVITE_LINK_GENERATED = out(
            "meeting:invite_link_generated", InviteLinkGenerated.class, "the meeting's participants",
            "A new guest link was made (the old one stopped working). The token itself is never in it.");
    public static final SocketMessage<ParticipantRegistered> PARTICIPANT_REGISTERED = out(
            "meeting:register-participant", ParticipantRegistered.class, "the meeting's participants",
            "Seed 002 §1.4's plain server event: this user registered as in the meeting or call (sent on every "
                    + "join, over the socket's meeting:register-participant or REST).");
    public static final SocketMessage<AutoAdmitted> AUTO_ADMITTED = out("meeting:auto_admitted", AutoAdmitted.class,
            "the joining user (all their devices)",
            "You are an invited portal user: admitted at once, go to the conference view (seed 002, \"Waiting Room / "
                    + "PreJoin\"). Sent on every join of a meeting or call.");
    public static final SocketMessage<ParticipantCount> PARTICIPANT_COUNT = out("meeting:participant_count",
            ParticipantCount.class, "the meeting's participants and its guests' sockets (waiting or admitted)",
            "How many portal users are in it now, after each join and leave (seed 002 Additional Q7): a waiting "
                    + "guest's \"Ask for access\" is enabled while count > 0; a guest's socket also gets it on connect.");
    public static final SocketMessage<ParticipantStatusChanged> PARTICIPANT_STATUS = out("meeting:participant_status",
            ParticipantStatusChanged.class, "the meeting's participants",
            "A participant's answer or attendance changed (status: accepted, declined — Sc1.2, Sc8 \"Dave - Declined\" "
                    + "—, attended on a join — \"Dave - Joined\"). Convene's name; the seed names none.");
    public static final SocketMessage<ParticipantInvited> PARTICIPANT_INVITED = out("meeting:participant_invited",
            ParticipantInvited.class, "the meeting's other participants",
            "Someone was added to the meeting or call (live: into one under way; Sc8.4 \"Dave - Pending...\"). "
                    + "The invitee gets meeting:created (or the live invite) instead. Convene's name; the seed names none.");
    public static final SocketMessage<ChatMessage> CHAT_MESSAGE = out("meeting:chat_message", ChatMessage.class,
            "the meeting's participants (portal users; never guests)",
            "A chat message was posted in the meeting or call (seed 000's in-meeting chat). Convene's name; "
                    + "the seed names none.");
    public static final SocketMessage<ParticipantsInfo> PARTICIPANTS_INFO = out("meeting:participants-info",
            ParticipantsInfo.class, "the socket that sent meeting:check-participants",
            "The prejoin's answer (seed 002, Video Conference Integration): isFirst — nobody else is in it; count — "
                    + "the portal users in it now, the asker included once joined.");
    public static final SocketMessage<MeetingInfo> MEETING_INFO = out("meeting:info", MeetingInfo.class,
            "the socket that sent meeting:check-status",
            "The meeting's status and what the prejoin shows (title, times, how many are in it, whether you are). "
                    + "The seed names the event, not its fields: these are Convene's.");

    // ---- guests
    public static final SocketMessage<GuestWaiting> GUEST_WAITING = out("meeting:guest_waiting", GuestWaiting.class,
            "everyone in the meeting now", "A guest asks to be admitted; any of you may admit or decline.");
    public static final SocketMessage<GuestAdmitted> GUEST_ADMITTED = out("meeting:guest_admitted",
            GuestAdmitted.class, "the guest", "You were admitted.");
    public static final SocketMessage<GuestDeclined> GUEST_DECLINED = out("meeting:guest_declined",
            GuestDeclined.class, "the guest", "Your request was declined (reason: declined) or nobody answered (expired).");
    public static final SocketMessage<AllServerUsersLeft> ALL_SERVER_USERS_LEFT = out(
            "external:all_server_users_left", AllServerUsersLeft.class, "the admitted guest",
            "Everyone of the host's side left: you will be removed at removeAt.");
    public static final SocketMessage<GuestRemoved> GUEST_REMOVED = out("external:removed", GuestRemoved.class,
            "the guest", "Your session ended (reason); the socket is closed after it.");
    public static final SocketMessage<GuestJoined> GUEST_JOINED = out("external:joined", GuestJoined.class,
            "the meeting's participants", "A guest entered the room.");
    public static final SocketMessage<GuestLeft> GUEST_LEFT = out("external:left", GuestLeft.class,
            "the meeting's participants", "A guest left the room.");

    // ---- calls
    public static final SocketMessage<CallIncoming> CALL_INCOMING = out("call:incoming", CallIncoming.class,
            "the callee", "Your phone rings (until you answer or the ring times out); also on connect while it rings.");
    public static final SocketMessage<CallRinging> CALL_RINGING = out("call:ringing", CallRinging.class,
            "the caller", "This callee is being rung.");
    public static final SocketMessage<CallAccepted> CALL_ACCEPTED = out("call:accepted", CallAccepted.class,
            "the call's participants", "A callee accepted (the waiting grid: grey overlay off).");
    public static final SocketMessage<CallDeclined> CALL_DECLINED = out("call:declined", CallDeclined.class,
            "the caller (and the call's participants for a decline)",
            "A callee declined (reason: declined), did not answer (no_answer) or was offline (offline).");
    public static final SocketMessage<CallEnded> CALL_ENDED = out("call:ended", CallEnded.class,
            "the call's participants", "The call ended (endedBy: who hung up, when someone did).");
    public static final SocketMessage<CallParticipantWaiting> CALL_PARTICIPANT_WAITING = out(
            "call:participant_waiting", CallParticipantWaiting.class, "everyone in the call",
            "Whom the call still waits for: their phone rings, or they accepted and have not joined.");
    public static final SocketMessage<CallLiveInvite> CALL_LIVE_INVITE = out("call:live_invite", CallLiveInvite.class,
            "the invitee", "You were added to a call under way (your phone rings).");
    public static final SocketMessage<CallStarted> CALL_STARTED = out("call.started", CallStarted.class,
            "the members of the call's thread (the portal's answer at the start; without a portal, the caller and "
                    + "the members named)",
            "Seed 001's in-chat banner: a call started in this thread (call_id, room, call_type; snake_case as seed "
                    + "001 writes it). Only for calls started in a thread.");

    // ---- presence
    public static final SocketMessage<PresenceUpdate> PRESENCE_UPDATE = out("presence:update", PresenceUpdate.class,
            "the user's subscribers and those in a meeting or call with them; on connect, the user",
            "Someone came online or went offline, or entered or left a call.");
    public static final SocketMessage<UserConnected> USER_CONNECTED = out("presence:user_connected",
            UserConnected.class, "the user's subscribers", "Someone came online.");
    public static final SocketMessage<UserDisconnected> USER_DISCONNECTED = out("presence:user_disconnected",
            UserDisconnected.class, "the user's subscribers", "Someone went offline.");
    public static final SocketMessage<PresenceBulkUpdate> PRESENCE_BULK_UPDATE = out("presence:bulk_update",
            PresenceBulkUpdate.class, "each socket with subscriptions, once a minute",
            "The presence of everyone the socket follows.");

    // ---- the user's own
    public static final SocketMessage<NotificationNew> NOTIFICATION_NEW = out("notification:new",
            NotificationNew.class, "the notification's user", "A notification is shown (as GET /api/notifications lists it).");
    public static final SocketMessage<NotificationDismissed> NOTIFICATION_DISMISSED = out("notification:dismissed",
            NotificationDismissed.class, "the notification's user", "A notification is gone (dismissed or withdrawn).");
    public static final SocketMessage<RecordingReady> RECORDING_READY = out("recording:ready", RecordingReady.class,
            "the meeting's participants", "A recording can be played.");
    public static final SocketMessage<SoftphoneCall> SOFTPHONE_INCOMING = out("softphone:incoming",
            SoftphoneCall.class, "the softphone's user", "An inbound call rings.");
    public static final SocketMessage<SoftphoneCall> SOFTPHONE_MISSED = out("softphone:missed", SoftphoneCall.class,
            "the softphone's user", "An inbound call was missed.");
    public static final SocketMessage<SoftphoneCall> SOFTPHONE_CALL_ENDED = out("softphone:call_ended",
            SoftphoneCall.class, "the softphone's user", "A call ended.");
    public static final SocketMessage<SoftphoneConfigChanged> SOFTPHONE_CONFIG_CHANGED = out(
            "softphone:config_changed", SoftphoneConfigChanged.class, "the user",
            "Your SIP account changed: load the softphone config again.");
    public static final SocketMessage<SocketPayloads.AuthExpired> AUTH_EXPIRED = out("auth:expired",
            SocketPayloads.AuthExpired.class, "the socket whose token expired",
            "Its access token expired (reason: token_expired): the socket is closed after this; reconnect with a "
                    + "fresh token (the server closed it: socket.io-client does not reconnect by itself). Convene's.");
    public static final SocketMessage<WebhookDisabled> WEBHOOK_DISABLED = out("webhook:disabled",
            WebhookDisabled.class, "the webhook's owner", "Your webhook was disabled.");

    // ---- from the client (each answered with an ack: {ok: true, data} or {ok: false, problem})
    public static final SocketMessage<MeetingRef> REGISTER_PARTICIPANT = in("meeting:register-participant",
            MeetingRef.class, "ack: the join (as POST /api/meetings/{id}/join)",
            "The prejoin registers you as in the meeting (seed 002 §1.4).");
    public static final SocketMessage<CallNotify> CALL_NOTIFY = in("call:notify", CallNotify.class,
            "ack: {meetingId, ringing, unreachable} (as POST /api/calls/notify)",
            "Seed 002's InstantCallService.notifyParticipants: ring again the invitees who have not answered "
                    + "(userIds; none = all of them) and are online.");
    public static final SocketMessage<MeetingRef> CHECK_PARTICIPANTS = in("meeting:check-participants",
            MeetingRef.class, "the event meeting:participants-info to this socket; the ack's data is the same",
            "The prejoin asks whether it is the first in the meeting and how many are in it.");
    public static final SocketMessage<MeetingRef> CHECK_STATUS = in("meeting:check-status", MeetingRef.class,
            "the event meeting:info to this socket; the ack's data is the same",
            "The prejoin asks the meeting's status.");
    public static final SocketMessage<GuestAnswer> ADMIT_GUEST = in("meeting:admit_guest", GuestAnswer.class,
            "ack: the answer (the first answer wins, later ones 409)", "Let the waiting guest in.");
    public static final SocketMessage<GuestAnswer> DECLINE_GUEST = in("meeting:decline_guest", GuestAnswer.class,
            "ack: the answer (the first answer wins, later ones 409)", "Turn the waiting guest away.");
    public static final SocketMessage<PresenceSubscription> PRESENCE_SUBSCRIBE = in("presence:subscribe",
            PresenceSubscription.class, "ack: {users: [presence]}", "Follow these users' presence.");
    public static final SocketMessage<PresenceSubscription> PRESENCE_UNSUBSCRIBE = in("presence:unsubscribe",
            PresenceSubscription.class, "ack: {}", "Stop following these users' presence.");
    public static final SocketMessage<Heartbeat> PRESENCE_HEARTBEAT = in("presence:heartbeat", Heartbeat.class,
            "ack: {}", "I am here (every 60 s while connected; POST /api/presence/heartbeat otherwise).");

    /** Every message, in the order declared. */
    public static List<SocketMessage<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    private static <P> SocketMessage<P> out(String name, Class<P> payload, String audience, String description) {
        SocketMessage<P> message = new SocketMessage<>(name, TO_CLIENT, payload, audience, description);
        ALL.add(message);
        return message;
    }

    private static <P> SocketMessage<P> in(String name, Class<P> payload, String answer, String description) {
        SocketMessage<P> message = new SocketMessage<>(name, FROM_CLIENT, payload, answer, description);
        ALL.add(message);
        return message;
    }
}
