package io.convene.app.contract;

import static io.convene.app.contract.SocketSteps.about;
import static io.convene.app.contract.SocketSteps.all;
import static io.convene.app.contract.SocketSteps.count;
import static io.convene.app.contract.SocketSteps.register;
import static io.convene.app.contract.SocketSteps.roundTrip;
import static io.convene.app.contract.SocketSteps.seen;
import static io.convene.app.contract.SocketSteps.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.call.TestPortal;
import io.convene.app.contract.PortalClient.NewMeeting;
import io.convene.app.realtime.SocketClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every server → client event of seed 002 §1.4 that concerns what Convene has, with the seed's payload fields,
 * and the pushes issue 21 added where the seed names none (docs/events.md), as the real socket.io-client
 * receives them; and each event the seed's client emits. Grouped by what happens: a meeting's life, joining,
 * answers and invitations, the guests' lobby, a call, a thread call's banner, the prejoin's questions.
 * Presence's four events are asserted in {@link PortalSocketScenariosTest} (scenario 5).
 */
class PortalSocketEventsTest extends ContractFixtures {

    private Instant inAnHour() {
        return now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
    }

    private String meeting(String title, List<String> invitees, boolean allowExternal) {
        Instant start = inAnHour();
        return client("alice").meetings.createMeeting(new NewMeeting(title, start, start.plus(Duration.ofHours(1)), invitees)
                .allowExternal(allowExternal)).meetingId();
    }

    @Test
    void a_meetings_creation_update_start_and_end_reach_its_participants_with_the_seeds_fields() throws Exception {
        SocketClient bob = socket("bob");
        PortalClient alice = client("alice");
        Instant start = inAnHour();

        String id = alice.meetings.createMeeting(new NewMeeting("Planning", start, start.plus(Duration.ofHours(1)),
                List.of(BOB))).meetingId();
        JsonNode created = seen(bob, "meeting:created", about(id), "meetingId", "title", "startTime", "createdBy");
        assertThat(created.path("title").asText()).isEqualTo("Planning");
        assertThat(created.path("createdBy").asText()).isEqualTo(ALICE);
        assertThat(DartDateTime.parse(created.path("startTime").asText())).isEqualTo(start);

        alice.meetings.updateMeeting(id, Map.of("title", "Planning II"));
        JsonNode updated = seen(bob, "meeting:updated", about(id), "meetingId", "changes");
        assertThat(updated.path("changes").path("title").asText()).isEqualTo("Planning II");

        alice.rest().call("POST", "/api/meetings/" + id + "/start", null);
        seen(bob, "meeting:started", about(id), "meetingId");

        endAsHost(id);
        JsonNode ended = seen(bob, "meeting:ended", about(id), "meetingId", "duration", "participantCount");
        assertThat(ended.path("duration").isNumber()).isTrue();
        assertThat(ended.path("participantCount").asInt()).isZero();
    }

    @Test
    void a_reminder_and_then_the_cancel_reach_the_invitee() throws Exception {
        SocketClient bob = socket("bob");
        Instant start = now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        PortalClient alice = client("alice");
        String id = alice.meetings.createMeeting(new NewMeeting("Quick sync", start, start.plus(Duration.ofMinutes(15)),
                List.of(BOB))).meetingId();

        JsonNode reminder = seen(bob, "meeting:reminder", about(id), "meetingId", "title", "startTime", "minutesBefore");
        assertThat(reminder.path("title").asText()).isEqualTo("Quick sync");
        assertThat(reminder.path("minutesBefore").asInt()).isBetween(9, 10);

        alice.meetings.cancelMeeting(id);
        JsonNode cancelled = seen(bob, "meeting:cancelled", about(id), "meetingId", "reason");
        assertThat(cancelled.path("reason").asText()).isEqualTo("cancelled");
    }

    @Test
    void a_join_admits_the_invited_user_at_once_and_tells_everyone_who_registered_joined_and_how_many_are_in_it() throws Exception {
        SocketClient alice = socket("alice");
        SocketClient bob = socket("bob");
        String id = meeting("Standup", List.of(BOB), false);

        register(alice, id); // the owner starts it early from her prejoin

        JsonNode admitted = seen(alice, "meeting:auto_admitted", about(id), "meetingId", "userId");
        assertThat(admitted.path("userId").asText()).isEqualTo(ALICE);
        seen(bob, "meeting:register-participant", about(id).and(user("userId", ALICE)), "meetingId", "userId");
        JsonNode joined = seen(bob, "meeting:participant_joined", about(id).and(user("userId", ALICE)),
                "meetingId", "userId", "displayName");
        assertThat(joined.path("displayName").asText()).contains("Alice");
        JsonNode status = seen(bob, "meeting:participant_status", about(id).and(user("userId", ALICE)),
                "meetingId", "userId", "displayName", "status");
        assertThat(status.path("status").asText()).isEqualTo("attended");
        seen(bob, "meeting:participant_count", about(id).and(count(1)), "meetingId", "count");
        assertThat(all(bob, "meeting:auto_admitted", about(id))).as("only the joiner is told it is admitted").isEmpty();

        leave("alice", id);
        JsonNode left = seen(bob, "meeting:participant_left", about(id).and(user("userId", ALICE)),
                "meetingId", "userId", "displayName");
        assertThat(left.path("displayName").asText()).contains("Alice");
        seen(bob, "meeting:participant_count", about(id).and(count(0)), "meetingId", "count");
    }

    @Test
    void first_participant_joined_comes_for_the_first_of_three_only_and_again_when_the_emptied_meeting_is_rejoined() throws Exception {
        SocketClient carolSocket = socket("carol");
        String id = meeting("Three of us", List.of(BOB, CAROL), false);

        client("alice").meetings.joinMeeting(id);
        JsonNode first = seen(carolSocket, "meeting:first_participant_joined", about(id), "meetingId", "userId");
        assertThat(first.path("userId").asText()).isEqualTo(ALICE);
        client("bob").meetings.joinMeeting(id);
        client("carol").meetings.joinMeeting(id);
        client("alice").meetings.joinMeeting(id); // her second device: she was in it already
        // the count is the last message of a join: once it follows the fourth join, all the joins' messages are here
        SocketSteps.awaitAfter(carolSocket, "meeting:participant_joined", about(id), 4, "meeting:participant_count");
        assertThat(all(carolSocket, "meeting:first_participant_joined", about(id))).as("the second and third join are not first")
                .hasSize(1);

        // all leave before the scheduled end: the meeting waits, empty; whoever comes back first is first again
        for (String user : List.of("alice", "bob", "carol")) {
            leave(user, id);
        }
        carolSocket.awaitEvent("meeting:participant_count", about(id).and(count(0)));
        client("bob").meetings.joinMeeting(id);

        carolSocket.awaitEvent("meeting:first_participant_joined", about(id).and(user("userId", BOB)));
        assertThat(all(carolSocket, "meeting:first_participant_joined", about(id))).hasSize(2);
    }

    @Test
    void answers_and_additions_reach_everyone_on_the_list_and_an_added_invitee_gets_the_meeting() throws Exception {
        SocketClient alice = socket("alice");
        SocketClient carol = socket("carol");
        SocketClient dave = socket("dave");
        String id = meeting("Review", List.of(BOB, CAROL), false);

        client("bob").meetings.acceptMeetingInvite(id);
        JsonNode accepted = seen(alice, "meeting:participant_status", about(id).and(user("userId", BOB)),
                "meetingId", "userId", "displayName", "status");
        assertThat(accepted.path("status").asText()).isEqualTo("accepted");
        assertThat(accepted.path("displayName").asText()).contains("Bob");
        carol.awaitEvent("meeting:participant_status", about(id).and(user("userId", BOB)));

        client("carol").meetings.declineMeetingInvite(id);
        JsonNode declined = seen(alice, "meeting:participant_status", about(id).and(user("userId", CAROL)), "status");
        assertThat(declined.path("status").asText()).isEqualTo("declined");

        client("alice").meetings.inviteParticipants(id, List.of(DAVE));
        JsonNode created = seen(dave, "meeting:created", about(id), "meetingId", "title", "startTime", "createdBy");
        assertThat(created.path("title").asText()).isEqualTo("Review");
        JsonNode invited = seen(carol, "meeting:participant_invited", about(id).and(user("userId", DAVE)),
                "meetingId", "userId", "displayName", "invitedBy", "live");
        assertThat(invited.path("invitedBy").asText()).isEqualTo(ALICE);
        assertThat(invited.path("live").asBoolean()).isFalse();
        roundTrip(dave);
        assertThat(all(dave, "meeting:participant_invited", about(id))).as("the invitee gets the meeting, not the notice")
                .isEmpty();
    }

    @Test
    void the_guests_lobby_a_link_the_count_a_request_admitted_and_one_declined_joined_left_and_warned_and_no_chat() throws Exception {
        SocketClient alice = socket("alice");
        SocketClient bob = socket("bob");
        String id = meeting("Client call", List.of(BOB), true);
        String token = client("alice").meetings.generateExternalLink(id);
        JsonNode link = seen(bob, "meeting:invite_link_generated", about(id), "meetingId", "expiresAt");
        assertThat(link.has("invitationToken")).as("never the token: only its hash is kept").isFalse();

        // guests who came before anyone is in it: "Ask for access" disabled, then enabled when Alice joins
        Guest charlie = guest(token, "Charlie");
        Guest eve = guest(token, "Eve");
        seen(charlie.socket(), "meeting:participant_count", about(id).and(count(0)), "meetingId", "count");
        client("alice").meetings.joinMeeting(id);
        charlie.socket().awaitEvent("meeting:participant_count", about(id).and(count(1)));
        eve.socket().awaitEvent("meeting:participant_count", about(id).and(count(1)));

        // chat: to the portal users on the list, never a guest
        client("alice").rest().call("POST", "/api/meetings/" + id + "/chat", Map.of("body", "hello"));
        JsonNode chat = seen(bob, "meeting:chat_message", about(id), "meetingId", "messageId", "userId", "displayName",
                "body", "sentAt");
        assertThat(chat.path("body").asText()).isEqualTo("hello");
        assertThat(chat.path("userId").asText()).isEqualTo(ALICE);

        // Charlie asks and is admitted over the socket; he enters the room and leaves for good
        charlie.ask();
        JsonNode waiting = seen(alice, "meeting:guest_waiting", about(id).and(user("sessionId", charlie.sessionId())),
                "meetingId", "sessionId", "displayName");
        assertThat(waiting.path("displayName").asText()).isEqualTo("Charlie");
        assertThat(alice.emit("meeting:admit_guest", Map.of("meetingId", id, "sessionId", charlie.sessionId()))
                .path("ok").asBoolean()).isTrue();
        JsonNode admitted = seen(charlie.socket(), "meeting:guest_admitted", user("sessionId", charlie.sessionId()),
                "sessionId", "admittedBy");
        assertThat(admitted.path("admittedBy").asText()).isEqualTo(ALICE);
        charlie.browser().rest().call("POST", "/api/meetings/external/session/" + charlie.sessionId() + "/join", null);
        seen(bob, "external:joined", about(id).and(user("sessionId", charlie.sessionId())), "meetingId", "sessionId", "displayName");
        charlie.browser().external.endSession(charlie.sessionId());
        seen(bob, "external:left", about(id).and(user("sessionId", charlie.sessionId())), "meetingId", "sessionId", "displayName");

        // Eve asks and is declined over the socket
        eve.ask();
        alice.awaitEvent("meeting:guest_waiting", about(id).and(user("sessionId", eve.sessionId())));
        assertThat(alice.emit("meeting:decline_guest", Map.of("meetingId", id, "sessionId", eve.sessionId()))
                .path("ok").asBoolean()).isTrue();
        JsonNode turnedAway = seen(eve.socket(), "meeting:guest_declined", user("sessionId", eve.sessionId()),
                "sessionId", "declinedBy");
        assertThat(turnedAway.path("declinedBy").asText()).isEqualTo(ALICE);

        // Frank is admitted; Alice, the last portal user, leaves: Frank is warned
        Guest frank = guest(token, "Frank");
        frank.ask();
        alice.awaitEvent("meeting:guest_waiting", about(id).and(user("sessionId", frank.sessionId())));
        alice.emit("meeting:admit_guest", Map.of("meetingId", id, "sessionId", frank.sessionId()));
        frank.socket().awaitEvent("meeting:guest_admitted", user("sessionId", frank.sessionId()));
        leave("alice", id);
        seen(frank.socket(), "external:all_server_users_left", about(id), "meetingId");
        frank.socket().awaitEvent("meeting:participant_count", about(id).and(count(0)));

        for (Guest guest : List.of(charlie, eve, frank)) {
            assertThat(guest.socket().events("meeting:chat_message")).as("a guest never gets the chat").isEmpty();
        }
    }

    @Test
    void a_group_call_rings_tells_the_caller_and_its_grid_an_answer_a_live_invite_and_its_end() throws Exception {
        SocketClient alice = socket("alice");
        SocketClient bob = socket("bob");
        SocketClient carol = socket("carol");
        SocketClient dave = socket("dave");
        PortalClient aliceClient = client("alice");
        String id = aliceClient.calls.createInstantCall("channel-" + UUID.randomUUID(), List.of(BOB, CAROL)).meetingId();

        JsonNode incoming = seen(bob, "call:incoming", about(id), "meetingId", "callerId", "callerName", "callerAvatar",
                "timestamp");
        assertThat(incoming.path("callerId").asText()).isEqualTo(ALICE);
        assertThat(incoming.path("callerName").asText()).contains("Alice");
        carol.awaitEvent("call:incoming", about(id));
        seen(alice, "call:ringing", about(id).and(user("userId", BOB)), "meetingId", "userId");
        JsonNode waiting = seen(alice, "call:participant_waiting", about(id)
                .and(d -> d.path("participants").findValuesAsText("userId").containsAll(List.of(BOB, CAROL))),
                "meetingId", "participants");
        for (JsonNode waiter : waiting.path("participants")) {
            assertThat(waiter.has("displayName") && waiter.has("avatar")).as(waiter.toString()).isTrue();
        }

        client("bob").calls.acceptCall(id);
        JsonNode accepted = seen(alice, "call:accepted", about(id).and(user("userId", BOB)), "meetingId", "userId",
                "displayName", "avatar");
        assertThat(accepted.path("displayName").asText()).contains("Bob");
        client("carol").calls.declineCall(id);
        JsonNode declined = seen(alice, "call:declined", about(id).and(user("userId", CAROL)), "meetingId", "userId",
                "displayName");
        assertThat(declined.path("displayName").asText()).contains("Carol");

        aliceClient.calls.inviteDuringCall(id, List.of(DAVE));
        JsonNode live = seen(dave, "call:live_invite", about(id), "meetingId", "callerId", "callerName", "invitedBy");
        assertThat(live.path("invitedBy").asText()).isEqualTo(ALICE);
        assertThat(live.path("callerId").asText()).isEqualTo(ALICE);
        JsonNode added = seen(bob, "meeting:participant_invited", about(id).and(user("userId", DAVE)), "live");
        assertThat(added.path("live").asBoolean()).isTrue();

        aliceClient.calls.endCall(id);
        JsonNode ended = seen(bob, "call:ended", about(id), "meetingId", "duration", "endedBy");
        assertThat(ended.path("endedBy").asText()).isEqualTo(ALICE);
    }

    @Test
    void call_notify_rings_again_who_has_not_answered_and_a_stranger_gets_404_in_the_ack() throws Exception {
        SocketClient alice = socket("alice");
        SocketClient carol = socket("carol");
        socket("bob");
        SocketClient dave = socket("dave");
        String id = client("alice").calls.createInstantCall("channel-" + UUID.randomUUID(), List.of(BOB, CAROL)).meetingId();
        carol.awaitEvent("call:incoming", about(id));
        client("bob").calls.acceptCall(id);

        // Carol's ring runs out: the call goes on with Bob
        moveClockTo(now().plusSeconds(31));
        JsonNode missed = alice.awaitEvent("call:declined", about(id).and(user("userId", CAROL))).path("data");
        assertThat(missed.path("reason").asText()).isEqualTo("no_answer");

        JsonNode rung = alice.emit("call:notify", Map.of("meetingId", id, "userIds", List.of(CAROL)));

        assertThat(rung.path("ok").asBoolean()).as(rung.toString()).isTrue();
        assertThat(rung.path("data").path("meetingId").asText()).isEqualTo(id);
        assertThat(rung.path("data").path("ringing").toString()).isEqualTo("[\"" + CAROL + "\"]");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> all(carol, "call:incoming", about(id)).size() == 2);
        JsonNode stranger = dave.emit("call:notify", Map.of("meetingId", id));
        assertThat(stranger.path("ok").asBoolean()).isFalse();
        assertThat(stranger.path("problem").path("status").asInt()).isEqualTo(404);
        assertThat(stranger.path("problem").path("error").asText()).isEqualTo("not_found");
        JsonNode noId = alice.emit("call:notify", Map.of("userIds", List.of(CAROL)));
        assertThat(noId.path("problem").path("status").asInt()).isEqualTo(400);
    }

    @Test
    void a_call_started_in_a_thread_shows_its_banner_to_the_threads_members_in_seed_001s_words() throws Exception {
        String thread = "thread-" + UUID.randomUUID();
        TestPortal.thread(thread, ALICE, BOB, CAROL);
        SocketClient alice = socket("alice");
        SocketClient bob = socket("bob");
        SocketClient carol = socket("carol");
        SocketClient dave = socket("dave");

        ThreadCallClient.Started started = threadCalls("alice").start(thread, "audio");

        for (SocketClient member : List.of(alice, bob, carol)) {
            JsonNode banner = seen(member, "call.started", d -> d.path("call_id").asText().equals(started.callId()),
                    "call_id", "room", "call_type");
            assertThat(banner.path("room").asText()).isEqualTo(started.roomName());
            assertThat(banner.path("call_type").asText()).isEqualTo("audio");
        }
        roundTrip(dave);
        assertThat(dave.events("call.started")).as("not a member of the thread").isEmpty();
    }

    @Test
    void the_prejoins_questions_are_answered_with_their_events_and_an_outsider_gets_404_in_the_ack() throws Exception {
        SocketClient alice = socket("alice");
        SocketClient bob = socket("bob");
        SocketClient dave = socket("dave");
        String id = meeting("Prejoin", List.of(BOB), false);

        JsonNode before = SocketSteps.checkParticipants(alice, id);
        assertThat(before.path("isFirst").asBoolean()).isTrue();
        assertThat(before.path("count").asInt()).isZero();
        register(alice, id);
        JsonNode mine = SocketSteps.checkParticipants(alice, id);
        assertThat(mine.path("isFirst").asBoolean()).as("she is in it alone: still the first").isTrue();
        assertThat(mine.path("count").asInt()).isEqualTo(1);
        JsonNode bobs = SocketSteps.checkParticipants(bob, id);
        assertThat(bobs.path("isFirst").asBoolean()).isFalse();
        assertThat(bobs.path("count").asInt()).isEqualTo(1);

        JsonNode status = bob.emit("meeting:check-status", Map.of("meetingId", id));
        assertThat(status.path("ok").asBoolean()).as(status.toString()).isTrue();
        JsonNode info = seen(bob, "meeting:info", about(id), "meetingId", "title", "status", "startTime", "endTime",
                "isInstantCall", "participantCount", "youAreIn");
        assertThat(info.path("status").asText()).isEqualTo("in_progress");
        assertThat(info.path("title").asText()).isEqualTo("Prejoin");
        assertThat(info.path("participantCount").asInt()).isEqualTo(1);
        assertThat(info.path("youAreIn").asBoolean()).isFalse();
        assertThat(status.path("data")).isEqualTo(info);

        for (String event : List.of("meeting:check-participants", "meeting:check-status")) {
            JsonNode outsider = dave.emit(event, Map.of("meetingId", id));
            assertThat(outsider.path("ok").asBoolean()).isFalse();
            assertThat(outsider.path("problem").path("status").asInt()).as(event).isEqualTo(404);
            JsonNode bad = dave.emit(event, Map.of("meetingId", "nope"));
            assertThat(bad.path("problem").path("status").asInt()).as(event).isEqualTo(400);
        }
        roundTrip(dave);
        assertThat(dave.events("meeting:participants-info")).isEmpty();
        assertThat(dave.events("meeting:info")).isEmpty();
    }

    /** A guest's browser with its socket. */
    record Guest(PortalClient browser, String sessionId, SocketClient socket) {
        void ask() {
            browser.rest().call("POST", "/api/meetings/external/session/" + sessionId + "/ask", null);
        }
    }

    Guest guest(String token, String name) {
        PortalClient browser = guestBrowser();
        var joined = browser.external.join(token, name, null);
        return new Guest(browser, joined.session().sessionId(), guestSocket(joined.registered().path("credential").asText()));
    }
}
