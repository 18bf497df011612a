package io.convene.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.call.TestPortal;
import io.convene.app.contract.Meeting.MeetingStatus;
import io.convene.app.contract.MeetingParticipant.ParticipantStatus;
import io.convene.app.contract.PortalClient.NewMeeting;
import io.convene.app.realtime.SocketClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's scenarios 1, 2, 3, 4, 6, 8 and 10 as the portal's client drives them: its REST calls
 * ({@link PortalClient}) and the socket events it listens to (the real socket.io-client), step by step
 * with the scenario's numbering. Socket events are asserted where docs/events.md says Convene emits them.
 * The seed's wall-clock times become times relative to the app's clock, which the test moves (Camunda's
 * {@code ClockUtil}: timers fire, reminders go out); scenarios whose sockets must outlive a long move first
 * go back in time ({@link #travelBack}).
 */
class PortalScenariosTest extends ContractFixtures {

    static Predicate<JsonNode> about(String meetingId) {
        return d -> d.path("meetingId").asText().equals(meetingId);
    }

    static Predicate<JsonNode> user(String field, String userId) {
        return d -> d.path(field).asText().equals(userId);
    }

    static Instant dartTime(JsonNode data, String field) {
        return DartDateTime.parse(data.path(field).asText());
    }

    @Test
    void scenario_1_a_scheduled_meeting_from_creation_through_reminders_and_joins_to_the_past_list_and_cleanup() throws Exception {
        PortalClient alice = client("alice");
        PortalClient bob = client("bob");
        PortalClient carol = client("carol");
        Instant madeAt = travelBack(Duration.ofMinutes(150)); // its last socket step (1.8) is then about now
        SocketClient aliceSocket = socket("alice");
        SocketClient bobSocket = socket("bob");
        SocketClient carolSocket = socket("carol");
        Instant start = madeAt.plus(Duration.ofHours(1)); // "tomorrow 14:00"
        Instant end = start.plus(Duration.ofMinutes(90));

        // 1. Alice creates "Sprint Planning", 1h 30min, with Bob and Carol; a scheduled meeting, she is its owner
        Meeting meeting = alice.meetings.createMeeting(new NewMeeting("Sprint Planning", start, end, List.of(BOB, CAROL))
                .description("Q1 2025 Sprint Planning Session"));
        String id = meeting.meetingId();
        assertThat(meeting.isInstantCall()).isFalse();
        assertThat(meeting.createdBy()).isEqualTo(ALICE);
        //    meeting:created reaches Bob and Carol
        for (SocketClient invitee : List.of(bobSocket, carolSocket)) {
            JsonNode created = invitee.awaitEvent("meeting:created", about(id)).path("data");
            assertThat(created.path("title").asText()).isEqualTo("Sprint Planning");
            assertThat(created.path("createdBy").asText()).isEqualTo(ALICE);
            assertThat(dartTime(created, "startTime")).isEqualTo(start);
        }
        //    Bob and Carol see it in their Upcoming list, "Invited"
        assertThat(find(bob.meetings.getUpcomingMeetings(), id).row(BOB).status()).isEqualTo(ParticipantStatus.invited);
        assertThat(find(carol.meetings.getUpcomingMeetings(), id).row(CAROL).status()).isEqualTo(ParticipantStatus.invited);

        // 2. Bob accepts: "Accepted"
        bob.meetings.acceptMeetingInvite(id);
        assertThat(alice.meetings.getMeetingDetails(id).row(BOB).status()).isEqualTo(ParticipantStatus.accepted);

        // 3. 15 minutes before: every participant is reminded; the Activities page shows it
        moveClockTo(start.minus(Duration.ofMinutes(15)));
        for (SocketClient socket : List.of(aliceSocket, bobSocket, carolSocket)) {
            JsonNode reminder = socket.awaitEvent("meeting:reminder", about(id).and(d -> d.path("minutesBefore").asInt() == 15))
                    .path("data");
            assertThat(reminder.path("title").asText()).isEqualTo("Sprint Planning");
            assertThat(dartTime(reminder, "startTime")).isEqualTo(start);
        }
        eventually(() -> assertThat(notificationsAbout("carol", id)).isNotEmpty());

        // 4. At the start time: in_progress without anyone joining; "Meeting started" (minutesBefore 0); Join in the list
        moveClockTo(start);
        for (SocketClient socket : List.of(aliceSocket, bobSocket, carolSocket)) {
            socket.awaitEvent("meeting:reminder", about(id).and(d -> d.path("minutesBefore").asInt() == 0));
        }
        bobSocket.awaitEvent("meeting:started", about(id));
        assertThat(bob.meetings.getMeetingDetails(id).status()).isEqualTo(MeetingStatus.inProgress);
        assertThat(find(bob.meetings.getUpcomingMeetings(), id).status()).as("the card shows [Join Meeting]")
                .isEqualTo(MeetingStatus.inProgress);

        // 5. Alice joins first: the prejoin registers her with meeting:register-participant
        JsonNode registered = aliceSocket.emit("meeting:register-participant", Map.of("meetingId", id));
        assertThat(registered.path("ok").asBoolean()).as(registered.toString()).isTrue();
        assertThat(alice.meetings.getMeetingDetails(id).row(ALICE).status()).isEqualTo(ParticipantStatus.attended);

        // 6. Bob joins 2 minutes later: an invited portal user is admitted at once
        moveClockTo(start.plus(Duration.ofMinutes(2)));
        bob.meetings.joinMeeting(id);
        aliceSocket.awaitEvent("meeting:participant_joined", about(id).and(user("userId", BOB)));

        // 7. Carol joins 3 minutes later: all three are in it
        moveClockTo(start.plus(Duration.ofMinutes(5)));
        carol.meetings.joinMeeting(id);
        aliceSocket.awaitEvent("meeting:participant_joined", about(id).and(user("userId", CAROL)));
        bobSocket.awaitEvent("meeting:participant_joined", about(id).and(user("userId", CAROL)));
        assertThat(alice.meetings.getMeetingParticipants(id)).filteredOn(p -> p.status() == ParticipantStatus.attended)
                .extracting(MeetingParticipant::userId).containsExactlyInAnyOrder(ALICE, BOB, CAROL);

        // 8. Alice ends the meeting at 15:32: meeting:ended; the Past list shows "1h 32min • 3 participants"
        moveClockTo(start.plus(Duration.ofMinutes(92)));
        endAsHost(id);
        for (SocketClient socket : List.of(aliceSocket, bobSocket, carolSocket)) {
            JsonNode ended = socket.awaitEvent("meeting:ended", about(id)).path("data");
            assertThat(ended.path("participantCount").asInt()).isEqualTo(3);
            assertThat(ended.path("duration").isNumber()).as(ended.toString()).isTrue();
        }
        Meeting past = find(bob.meetings.getPastMeetings(), id);
        assertThat(past.status()).isEqualTo(MeetingStatus.ended);
        List<MeetingParticipant> attended = past.participants().stream()
                .filter(p -> p.status() == ParticipantStatus.attended).toList();
        assertThat(attended).extracting(MeetingParticipant::userId).containsExactlyInAnyOrder(ALICE, BOB, CAROL);
        Instant firstIn = attended.stream().map(MeetingParticipant::joinedAt).min(Instant::compareTo).orElseThrow();
        Instant lastOut = attended.stream().map(MeetingParticipant::leftAt).max(Instant::compareTo).orElseThrow();
        assertThat(Duration.between(firstIn, lastOut)).as("the card's duration").isBetween(Duration.ofMinutes(91), Duration.ofMinutes(93));

        // 9. 8 hours after the meeting it is deleted and no longer visible
        moveClockTo(end.plus(Duration.ofHours(8)).plusSeconds(60));
        eventually(() -> assertThat(bob.rest().exchange("GET", "/api/meetings/" + id, null).status()).isEqualTo(404));
    }

    @Test
    void scenario_2_a_call_to_offline_bob_is_refused_and_he_is_told_alice_tried_to_call() throws Exception {
        PortalClient alice = client("alice");
        socket("alice");
        offline(BOB);

        // 1. Bob is offline: stop, "Bob isn't available"; Bob gets "Alice tried to call you"
        int refused = refusal(() -> alice.calls.createInstantCall(BOB, List.of(BOB)));

        assertThat(refused / 100).as("a client error").isEqualTo(4);
        eventually(() -> assertThat(notificationsOfType("bob", "call.attempt"))
                .anySatisfy(row -> assertThat(row.toString()).containsAnyOf(ALICE, "Alice")));
    }

    @Test
    void scenario_2_an_instant_call_from_a_1to1_chat_rings_bob_who_accepts_and_ends_when_both_left() throws Exception {
        PortalClient alice = client("alice");
        PortalClient bob = client("bob");
        SocketClient aliceSocket = socket("alice");
        SocketClient bobSocket = socket("bob");

        // 1. Bob is online: Alice calls him from their chat, passes the prejoin and joins the call
        Meeting call = alice.calls.createInstantCall(BOB, List.of(BOB));
        String id = call.meetingId();
        assertThat(call.isInstantCall()).isTrue();
        assertThat(call.status()).isEqualTo(MeetingStatus.inProgress);
        alice.meetings.joinMeeting(id);
        aliceSocket.awaitEvent("call:ringing", about(id).and(user("userId", BOB)));

        // 2. Alice's waiting screen: Bob greyed out
        aliceSocket.awaitEvent("call:participant_waiting", about(id).and(d -> d.path("participants").findValuesAsText("userId").contains(BOB)));
        assertThat(alice.calls.getWaitingParticipants(id)).filteredOn(p -> p.userId().equals(BOB))
                .extracting(MeetingParticipant::status).containsExactly(ParticipantStatus.invited);

        // 3. Bob's phone rings: "Alice is calling..."
        JsonNode incoming = bobSocket.awaitEvent("call:incoming", about(id)).path("data");
        assertThat(incoming.path("callerId").asText()).isEqualTo(ALICE);
        assertThat(incoming.path("callerName").asText()).contains("Alice");

        // 4. Bob accepts and joins after his prejoin: "Bob joined"
        bob.calls.acceptCall(id);
        aliceSocket.awaitEvent("call:accepted", about(id).and(user("userId", BOB)));
        aliceSocket.awaitEvent("meeting:participant_joined", about(id).and(user("userId", BOB)));
        assertThat(alice.meetings.getMeetingDetails(id).row(BOB).status()).isEqualTo(ParticipantStatus.attended);

        // 5. During the call: media only

        // 6. Alice leaves first; Bob stays, "Alice left"
        leave("alice", id);
        bobSocket.awaitEvent("meeting:participant_left", about(id).and(user("userId", ALICE)));
        assertThat(bob.meetings.getMeetingDetails(id).status()).isEqualTo(MeetingStatus.inProgress);

        // 7. Bob leaves: the call ends (call:ended) and is cleaned up; it shows in Past (Open Question 4)
        leave("bob", id);
        bobSocket.awaitEvent("call:ended", about(id));
        aliceSocket.awaitEvent("call:ended", about(id));
        eventually(() -> {
            Meeting past = find(alice.meetings.getPastMeetings(), id);
            assertThat(past.isInstantCall()).isTrue();
            assertThat(past.status()).isEqualTo(MeetingStatus.ended);
        });
    }

    @Test
    void scenario_2_alternative_bob_declines_and_alice_is_told() throws Exception {
        PortalClient alice = client("alice");
        SocketClient aliceSocket = socket("alice");
        SocketClient bobSocket = socket("bob");
        Meeting call = alice.calls.createInstantCall(BOB, List.of(BOB));
        String id = call.meetingId();
        alice.meetings.joinMeeting(id);
        bobSocket.awaitEvent("call:incoming", about(id));

        // Bob clicks Decline: "Bob declined the call"; the call is gone
        client("bob").calls.declineCall(id);

        JsonNode declined = aliceSocket.awaitEvent("call:declined", about(id).and(user("userId", BOB))).path("data");
        assertThat(declined.path("displayName").asText()).contains("Bob");
        eventuallyOver(alice, id);
    }

    @Test
    void scenario_2_alternative_bob_does_not_answer_in_30_seconds() throws Exception {
        PortalClient alice = client("alice");
        SocketClient aliceSocket = socket("alice");
        SocketClient bobSocket = socket("bob");
        Meeting call = alice.calls.createInstantCall(BOB, List.of(BOB));
        String id = call.meetingId();
        alice.meetings.joinMeeting(id);
        bobSocket.awaitEvent("call:incoming", about(id));

        // 30 s pass: "Bob didn't answer" for Alice, a missed call for Bob; the call is gone
        moveClockTo(now().plusSeconds(31));

        aliceSocket.awaitEvent("call:declined", about(id).and(user("userId", BOB)));
        eventually(() -> assertThat(notificationsAbout("bob", id)).as("Bob's missed call").isNotEmpty());
        eventuallyOver(alice, id);
    }

    @Test
    void scenario_3_a_group_call_from_a_channel_rings_the_online_members_only() throws Exception {
        PortalClient alice = client("alice");
        String channel = "channel-" + UUID.randomUUID();
        TestPortal.thread(channel, ALICE, BOB, CAROL, DAVE);
        offline(DAVE);
        SocketClient aliceSocket = socket("alice");
        SocketClient bobSocket = socket("bob");
        SocketClient carolSocket = socket("carol");

        // 1. Alice's dialog shows the members' online status: Bob and Carol pre-selected, Dave offline
        Map<String, UserPresence> statuses = alice.presence.getStatusForChannel(channel);
        assertThat(statuses.get(BOB).isOnline()).isTrue();
        assertThat(statuses.get(CAROL).isOnline()).isTrue();
        assertThat(statuses.get(DAVE).isOnline()).isFalse();
        //    she starts the call with the selected ones and joins it
        Meeting call = alice.calls.createInstantCall(channel, List.of(BOB, CAROL));
        String id = call.meetingId();
        assertThat(call.channelId()).isEqualTo(channel);
        alice.meetings.joinMeeting(id);

        // 2. call:incoming to Bob and Carol; Dave gets nothing
        bobSocket.awaitEvent("call:incoming", about(id).and(user("callerId", ALICE)));
        carolSocket.awaitEvent("call:incoming", about(id).and(user("callerId", ALICE)));
        assertThat(notificationsAbout("dave", id)).isEmpty();

        // 3. Alice's waiting screen: Bob and Carol greyed out
        aliceSocket.awaitEvent("call:participant_waiting", about(id).and(d -> d.path("participants").findValuesAsText("userId")
                .containsAll(List.of(BOB, CAROL))));

        // 4. Bob accepts: "Bob joined"
        client("bob").calls.acceptCall(id);
        aliceSocket.awaitEvent("call:accepted", about(id).and(user("userId", BOB)));

        // 5. Carol declines: "Carol declined the call"
        client("carol").calls.declineCall(id);
        aliceSocket.awaitEvent("call:declined", about(id).and(user("userId", CAROL)));
        Meeting details = alice.meetings.getMeetingDetails(id);
        assertThat(details.row(CAROL).status()).isEqualTo(ParticipantStatus.declined);

        // 6. The call goes on; Dave comes online 10 minutes later and sees no notification
        moveClockTo(now().plus(Duration.ofMinutes(10)));
        assertThat(alice.meetings.getMeetingDetails(id).status()).isEqualTo(MeetingStatus.inProgress);
        SocketClient daveSocket = socket("dave");
        daveSocket.emit("presence:subscribe", Map.of("userIds", List.of(ALICE))); // after its connect work
        assertThat(daveSocket.events("call:incoming")).filteredOn(e -> about(id).test(e.path("data"))).isEmpty();
        assertThat(notificationsAbout("dave", id)).isEmpty();

        // 7. Alice ends the call
        alice.calls.endCall(id);
        bobSocket.awaitEvent("call:ended", about(id));
        eventuallyOver(alice, id);
    }

    @Test
    void scenario_4_charlie_opens_the_link_early_registers_in_the_window_and_is_admitted_and_warned_when_all_left() throws Exception {
        PortalClient alice = client("alice");
        PortalClient bob = client("bob");
        Instant start = travelBack(Duration.ofMinutes(130)).plus(Duration.ofMinutes(90)); // "today 16:00"

        // 1. Alice creates "Client Demo" allowing external participants and shares its link
        Meeting meeting = alice.meetings.createMeeting(new NewMeeting("Client Demo", start, start.plus(Duration.ofHours(1)),
                List.of(BOB)).allowExternal(true));
        String id = meeting.meetingId();
        String token = alice.meetings.generateExternalLink(id);

        // 2. Charlie opens the link early. Before the window (1 h before the start): the landing page still shows
        //    the meeting (title, start, host, when the window opens) so it can count down; registering is refused
        PortalClient charlie = guestBrowser();
        JsonNode landing = charlie.rest().call("GET", "/api/meetings/external/join/" + token, null).json();
        assertThat(landing.path("title").asText()).isEqualTo("Client Demo");
        assertThat(dartTime(landing, "startTime")).isEqualTo(start);
        assertThat(landing.toString()).as("the host's name").contains("Alice");
        assertThat(datesIn(landing)).as("the window opens 1 h before the start").contains(start.minus(Duration.ofHours(1)));
        Rest.Answer tooEarly = charlie.external.tryRegister(token, "Charlie (Acme Corp)", null);
        assertThat(tooEarly.status() / 100).as(tooEarly.toString()).isEqualTo(4);
        //    at 15:30 (30 min early) the landing page shows the same, with the countdown
        moveClockTo(start.minus(Duration.ofMinutes(30)));
        JsonNode halfAnHour = charlie.rest().call("GET", "/api/meetings/external/join/" + token, null).json();
        assertThat(halfAnHour.path("title").asText()).isEqualTo("Client Demo");
        assertThat(dartTime(halfAnHour, "startTime")).isEqualTo(start);

        // 3.-4. 15:55: in the window; Charlie joins: keys generated, registered
        moveClockTo(start.minus(Duration.ofMinutes(5)));
        var joined = charlie.external.join(token, "Charlie (Acme Corp)", null);
        ExternalSession session = joined.session();
        assertThat(session.meetingId()).isEqualTo(id);
        assertThat(alice.external.getExternalPreKeys(session.sessionId()).path("identityKeyPublic").asText())
                .isEqualTo(joined.keys().identityKeyPublic());

        // 5. The prejoin (devices, E2EE): nothing for the server

        // 6. Alice starts at 16:00, Bob joins at 16:02
        SocketClient aliceSocket = socket("alice");
        SocketClient bobSocket = socket("bob");
        moveClockTo(start);
        alice.meetings.joinMeeting(id);
        moveClockTo(start.plus(Duration.ofMinutes(2)));
        bob.meetings.joinMeeting(id);

        // 7. 16:05: Charlie asks to be let in (Convene's ask; the seed names no request); Alice and Bob see him; Alice admits
        moveClockTo(start.plus(Duration.ofMinutes(5)));
        SocketClient charlieSocket = guestSocket(joined.registered().path("credential").asText());
        charlie.rest().call("POST", "/api/meetings/external/session/" + session.sessionId() + "/ask", null);
        for (SocketClient inside : List.of(aliceSocket, bobSocket)) {
            inside.awaitEvent("meeting:guest_waiting", about(id).and(user("sessionId", session.sessionId()))
                    .and(d -> d.path("displayName").asText().equals("Charlie (Acme Corp)")));
        }
        JsonNode admitted = aliceSocket.emit("meeting:admit_guest", Map.of("meetingId", id, "sessionId", session.sessionId()));
        assertThat(admitted.path("ok").asBoolean()).as(admitted.toString()).isTrue();
        charlieSocket.awaitEvent("meeting:guest_admitted", user("sessionId", session.sessionId()).and(user("admittedBy", ALICE)));

        // 8. Alice shares her screen: media only

        // 9. Bob leaves at 16:30: Charlie stays (Alice is there)
        moveClockTo(start.plus(Duration.ofMinutes(30)));
        leave("bob", id);

        // 10. Alice, the last portal user, leaves at 16:45: Charlie is told before he is removed
        moveClockTo(start.plus(Duration.ofMinutes(45)));
        leave("alice", id);
        charlieSocket.awaitEvent("external:all_server_users_left", about(id));
    }

    @Test
    void scenario_6_roles_alice_makes_bob_manager_bob_mutes_carol_and_only_alice_ends() throws Exception {
        PortalClient alice = client("alice");
        PortalClient bob = client("bob");
        PortalClient carol = client("carol");
        Instant start = now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);

        // 1. Alice creates "Q1 All Hands" with Bob and Carol
        String id = alice.meetings.createMeeting(new NewMeeting("Q1 All Hands", start, start.plus(Duration.ofHours(1)),
                List.of(BOB, CAROL))).meetingId();
        //    the roles dialog: seed 002's meeting_roles
        JsonNode roles = alice.rest().call("GET", "/api/meetings/roles", null).json();
        assertThat(roles.isArray()).as(roles.toString()).isTrue();
        assertThat(roles).hasSize(3);
        assertRole(roles, "meeting_owner", "Owner", true, true, true, true, true, true, true, true);
        assertRole(roles, "meeting_manager", "Manager", true, true, false, true, false, true, true, true);
        assertRole(roles, "meeting_member", "Member", false, false, false, false, false, true, true, true);
        //    she assigns Bob the Manager role
        alice.rest().call("POST", "/api/meetings/" + id + "/roles", Map.of("userId", BOB, "roleId", "meeting_manager"));

        // 2. Permissions in action
        //    Bob (manager) invites, updates the meeting, but may not remove participants or assign roles
        bob.meetings.inviteParticipants(id, List.of(DAVE));
        bob.meetings.updateMeeting(id, Map.of("description", "Agenda: Q1 goals"));
        assertThat(refusal(() -> bob.meetings.removeParticipant(id, DAVE))).isEqualTo(403);
        assertThat(refusal(() -> bob.rest().call("POST", "/api/meetings/" + id + "/roles",
                Map.of("userId", CAROL, "roleId", "meeting_manager")))).isEqualTo(403);
        //    Carol (member) may not invite, update or start it
        assertThat(refusal(() -> carol.meetings.inviteParticipants(id, List.of(DAVE)))).isEqualTo(403);
        assertThat(refusal(() -> carol.meetings.updateMeeting(id, Map.of("description", "mine now")))).isEqualTo(403);
        assertThat(refusal(() -> carol.rest().call("POST", "/api/meetings/" + id + "/start", null)))
                .as("Carol starting it early").isEqualTo(403);
        assertThat(refusal(() -> carol.meetings.joinMeeting(id))).as("Carol joining before anyone started it: not open yet")
                .isEqualTo(409);
        //    Alice removes Dave; Bob starts the meeting
        alice.meetings.removeParticipant(id, DAVE);
        bob.meetings.joinMeeting(id);
        assertThat(alice.meetings.getMeetingDetails(id).status()).isEqualTo(MeetingStatus.inProgress);

        // 3. All three in it; Bob (can_mute_participants) mutes Carol; Carol may not mute anyone
        alice.meetings.joinMeeting(id);
        carol.meetings.joinMeeting(id);
        bob.rest().call("POST", "/api/meetings/" + id + "/participants/" + CAROL + "/mute", null);
        MeetingParticipant carolsRow = alice.meetings.getMeetingParticipants(id).stream()
                .filter(p -> p.userId().equals(CAROL)).findFirst().orElseThrow();
        assertThat(carolsRow.raw().path("muted").asBoolean()).as(carolsRow.raw().toString()).isTrue();
        assertThat(refusal(() -> carol.rest().call("POST", "/api/meetings/" + id + "/participants/" + BOB + "/mute", null)))
                .isEqualTo(403);

        // 4. Only Alice ends the meeting
        var bobEnds = post("/api/meetings/" + id + "/end", tokens.of("bob"), null);
        assertThat(bobEnds.statusCode()).as(bobEnds.body()).isEqualTo(403);
        endAsHost(id);
        assertThat(bob.meetings.getMeetingDetails(id).status()).isEqualTo(MeetingStatus.ended);
    }

    @Test
    void scenario_8_live_invite_dave_declines_alice_shares_a_link_and_bob_admits_eve() throws Exception {
        PortalClient alice = client("alice");
        Instant start = travelBack(Duration.ofMinutes(80)).plus(Duration.ofHours(1));
        String id = alice.meetings.createMeeting(new NewMeeting("Sprint Review", start, start.plus(Duration.ofHours(1)),
                List.of(BOB, CAROL)).allowExternal(true)).meetingId();
        SocketClient aliceSocket = socket("alice");
        SocketClient bobSocket = socket("bob");
        SocketClient carolSocket = socket("carol");
        SocketClient daveSocket = socket("dave");

        // 1. The meeting is in progress, started 15 minutes ago, Alice, Bob and Carol in it
        moveClockTo(start);
        for (String user : List.of("alice", "bob", "carol")) {
            client(user).meetings.joinMeeting(id);
        }
        moveClockTo(start.plus(Duration.ofMinutes(15)));

        // 2.-4. Alice invites Dave live: Dave is told; the others see "Dave - Pending..."
        alice.meetings.inviteDuringMeeting(id, List.of(DAVE));
        daveSocket.awaitEvent("meeting:live_invite_sent", about(id).and(user("userId", DAVE)).and(user("invitedBy", ALICE)));
        assertThat(alice.meetings.getMeetingParticipants(id)).filteredOn(p -> p.userId().equals(DAVE))
                .extracting(MeetingParticipant::status).containsExactly(ParticipantStatus.invited);

        // 5.-6. (alternative) Dave declines: Alice sees "Dave - Declined"
        client("dave").meetings.declineMeetingInvite(id);
        assertThat(alice.meetings.getMeetingParticipants(id)).filteredOn(p -> p.userId().equals(DAVE))
                .extracting(MeetingParticipant::status).containsExactly(ParticipantStatus.declined);

        // 7.-8. Alice generates a link; the participants are told; the External Link tab shows the current link again
        String token = alice.meetings.generateExternalLink(id);
        bobSocket.awaitEvent("meeting:invite_link_generated", about(id));
        JsonNode current = alice.rest().call("GET", "/api/meetings/" + id + "/invitation-link", null).json();
        assertThat(current.path("invitationToken").asText()).isEqualTo(token);

        // 9.-10. Eve opens the link while the meeting runs, registers and asks to be let in
        PortalClient eve = guestBrowser();
        var joined = eve.external.join(token, "Eve (Stakeholder)", null);
        String sessionId = joined.session().sessionId();
        SocketClient eveSocket = guestSocket(joined.registered().path("credential").asText());
        eve.rest().call("POST", "/api/meetings/external/session/" + sessionId + "/ask", null);

        // 11. Everyone in the meeting sees "Guest Waiting to Join: Eve (Stakeholder)"
        for (SocketClient inside : List.of(aliceSocket, bobSocket, carolSocket)) {
            inside.awaitEvent("meeting:guest_waiting", about(id).and(user("sessionId", sessionId))
                    .and(d -> d.path("displayName").asText().equals("Eve (Stakeholder)")));
        }

        // 12. Bob admits Eve
        JsonNode admitted = bobSocket.emit("meeting:admit_guest", Map.of("meetingId", id, "sessionId", sessionId));
        assertThat(admitted.path("ok").asBoolean()).as(admitted.toString()).isTrue();
        eveSocket.awaitEvent("meeting:guest_admitted", user("sessionId", sessionId).and(user("admittedBy", BOB)));

        // Alternative: a new link invalidates the old one
        String newer = alice.meetings.generateExternalLink(id);
        assertThat(newer).isNotEqualTo(token);
        assertThat(guestBrowser().rest().exchange("GET", "/api/meetings/external/join/" + token, null).status()).isEqualTo(404);
        assertThat(guestBrowser().rest().exchange("GET", "/api/meetings/external/join/" + newer, null).status()).isEqualTo(200);
    }

    @Test
    void scenario_10_reminders_15_minutes_before_and_at_the_start_and_a_dismissed_one_comes_back_at_the_start() throws Exception {
        PortalClient alice = client("alice");
        SocketClient aliceSocket = socket("alice");
        SocketClient bobSocket = socket("bob");
        Instant start = travelBack(Duration.ofMinutes(90)).plus(Duration.ofHours(1)); // "tomorrow 10:00"

        // 1. Alice creates "Daily Standup" with Bob
        String id = alice.meetings.createMeeting(new NewMeeting("Daily Standup", start, start.plus(Duration.ofMinutes(15)),
                List.of(BOB))).meetingId();

        // 2. 9:45: meeting:reminder {meetingId, title, startTime, minutesBefore: 15} to Alice and Bob
        moveClockTo(start.minus(Duration.ofMinutes(15)));
        for (SocketClient socket : List.of(aliceSocket, bobSocket)) {
            JsonNode reminder = socket.awaitEvent("meeting:reminder", about(id).and(d -> d.path("minutesBefore").asInt() == 15))
                    .path("data");
            assertThat(reminder.path("title").asText()).isEqualTo("Daily Standup");
            assertThat(dartTime(reminder, "startTime")).isEqualTo(start);
        }

        // 3. Alice's bar and her Activities show it
        eventually(() -> assertThat(notificationsAbout("alice", id)).isNotEmpty());
        int shown = notificationsAbout("alice", id).size();

        // 4. Alice dismisses it; Bob's stays
        alice.meetings.dismissNotification(id, "15_min_before");
        assertThat(notificationsAbout("alice", id)).hasSize(shown - 1);
        assertThat(notificationsAbout("bob", id)).isNotEmpty();

        // 5. 10:00: in_progress on its own, and meeting:reminder with minutesBefore 0 to both
        moveClockTo(start);
        for (SocketClient socket : List.of(aliceSocket, bobSocket)) {
            socket.awaitEvent("meeting:reminder", about(id).and(d -> d.path("minutesBefore").asInt() == 0));
        }
        eventually(() -> assertThat(client("bob").meetings.getMeetingDetails(id).status()).isEqualTo(MeetingStatus.inProgress));

        // 6. Alice's bar comes back although she dismissed the first one
        eventually(() -> assertThat(notificationsAbout("alice", id)).isNotEmpty());
    }

    @Test
    void scenario_10_a_meeting_made_less_than_15_minutes_ahead_gets_one_reminder_with_its_true_minutes() throws Exception {
        SocketClient bobSocket = socket("bob");
        Instant start = now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);

        String id = client("alice").meetings.createMeeting(new NewMeeting("Quick sync", start, start.plus(Duration.ofMinutes(15)),
                List.of(BOB))).meetingId();

        JsonNode reminder = bobSocket.awaitEvent("meeting:reminder", about(id).and(d -> d.path("minutesBefore").asInt() > 0))
                .path("data");
        assertThat(reminder.path("minutesBefore").asInt()).isBetween(9, 10);
        moveClockTo(start);
        bobSocket.awaitEvent("meeting:reminder", about(id).and(d -> d.path("minutesBefore").asInt() == 0));
        assertThat(bobSocket.events("meeting:reminder")).filteredOn(e -> about(id).test(e.path("data"))
                && e.path("data").path("minutesBefore").asInt() > 0).hasSize(1);
    }

    /** The call is over: ended, or already cleaned up (404). */
    void eventuallyOver(PortalClient viewer, String id) {
        eventually(() -> {
            Rest.Answer details = viewer.rest().exchange("GET", "/api/meetings/" + id, null);
            if (details.status() != 404) {
                assertThat(details.status()).as(details.toString()).isEqualTo(200);
                assertThat(Meeting.fromJson(details.json()).status()).isEqualTo(MeetingStatus.ended);
            }
        });
    }

    /** Rows of {@code GET /api/notifications} whose {@code type} is {@code type}. */
    List<JsonNode> notificationsOfType(String user, String type) throws Exception {
        JsonNode answer = io.convene.app.support.Json.of(get("/api/notifications", tokens.of(user)));
        List<JsonNode> rows = new ArrayList<>();
        (answer.isArray() ? answer : answer.path("items")).forEach(row -> {
            if (type.equals(row.path("type").asText())) {
                rows.add(row);
            }
        });
        return rows;
    }

    /** Every string value in {@code json} that Dart's DateTime.parse reads, as instants. */
    static List<Instant> datesIn(JsonNode json) {
        List<Instant> dates = new ArrayList<>();
        json.forEach(value -> {
            if (value.isTextual()) {
                try {
                    dates.add(DartDateTime.parse(value.asText()));
                } catch (IllegalArgumentException notADate) {
                    // another field
                }
            } else if (value.isContainerNode()) {
                dates.addAll(datesIn(value));
            }
        });
        return dates;
    }

    static void assertRole(JsonNode roles, String roleId, String roleName, boolean canStart, boolean canInvite,
                           boolean canRemove, boolean canMute, boolean canEnd, boolean canShare, boolean canCamera,
                           boolean canMicrophone) {
        JsonNode role = null;
        for (JsonNode row : roles) {
            if (roleId.equals(row.path("role_id").asText())) {
                role = row;
            }
        }
        assertThat(role).as(roleId + " in " + roles).isNotNull();
        Wire w = Wire.of("meeting_roles row", role);
        assertThat(w.string("role_name")).isEqualTo(roleName);
        assertThat(w.bool("is_default")).isTrue();
        assertThat(Map.of(
                "can_start_meeting", w.bool("can_start_meeting"), "can_invite_participants", w.bool("can_invite_participants"),
                "can_remove_participants", w.bool("can_remove_participants"), "can_mute_participants", w.bool("can_mute_participants"),
                "can_end_meeting", w.bool("can_end_meeting"), "can_share_screen", w.bool("can_share_screen"),
                "can_enable_camera", w.bool("can_enable_camera"), "can_enable_microphone", w.bool("can_enable_microphone")))
                .as(roleId).isEqualTo(Map.of(
                        "can_start_meeting", canStart, "can_invite_participants", canInvite,
                        "can_remove_participants", canRemove, "can_mute_participants", canMute,
                        "can_end_meeting", canEnd, "can_share_screen", canShare,
                        "can_enable_camera", canCamera, "can_enable_microphone", canMicrophone));
    }
}
