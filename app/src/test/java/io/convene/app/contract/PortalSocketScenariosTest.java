package io.convene.app.contract;

import static io.convene.app.contract.SocketSteps.about;
import static io.convene.app.contract.SocketSteps.all;
import static io.convene.app.contract.SocketSteps.checkParticipants;
import static io.convene.app.contract.SocketSteps.count;
import static io.convene.app.contract.SocketSteps.register;
import static io.convene.app.contract.SocketSteps.roundTrip;
import static io.convene.app.contract.SocketSteps.seen;
import static io.convene.app.contract.SocketSteps.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.call.TestPortal;
import io.convene.app.contract.MeetingParticipant.ParticipantStatus;
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
 * Seed 002's scenarios 1, 2, 3, 4, 5 and 8 over the socket, as the seed's client drives them: its prejoin
 * registers with {@code meeting:register-participant} and asks {@code meeting:check-participants} (waiting for
 * {@code meeting:participants-info}), {@code InstantCallService.notifyParticipants} emits {@code call:notify},
 * and every "X sees …" step is the push that tells X. The REST steps are the seed's services
 * ({@link PortalClient}); {@link PortalScenariosTest} covers what these leave out (lists, the Past list,
 * cleanup, the roles of scenario 6, the reminders of scenario 10). Leaving is Convene's explicit leave.
 *
 * <p>Scenario 5 subscribes to presence with {@code presence:subscribe} (Convene's event; the seed's client
 * sends none): who hears of a user's presence without subscribing is another part of issue 21.
 */
class PortalSocketScenariosTest extends ContractFixtures {

    @Test
    void scenario_1_alice_creates_bob_accepts_the_prejoin_registers_and_counts_and_the_end_reaches_all() throws Exception {
        PortalClient alice = client("alice");
        PortalClient bob = client("bob");
        Instant madeAt = travelBack(Duration.ofMinutes(150)); // the last socket step (1.8) is within the tokens' life
        SocketClient aliceSocket = socket("alice");
        SocketClient bobSocket = socket("bob");
        SocketClient carolSocket = socket("carol");
        Instant start = madeAt.plus(Duration.ofHours(1));

        // 1. Alice creates "Sprint Planning" with Bob and Carol: meeting:created
        String id = alice.meetings.createMeeting(new NewMeeting("Sprint Planning", start, start.plus(Duration.ofMinutes(90)),
                List.of(BOB, CAROL)).description("Q1 2025 Sprint Planning Session")).meetingId();
        for (SocketClient invitee : List.of(bobSocket, carolSocket)) {
            seen(invitee, "meeting:created", about(id), "meetingId", "title", "startTime", "createdBy");
        }

        // 2. Bob accepts: "Alice receives notification"
        bob.meetings.acceptMeetingInvite(id);
        JsonNode accepted = seen(aliceSocket, "meeting:participant_status", about(id).and(user("userId", BOB)), "status");
        assertThat(accepted.path("status").asText()).isEqualTo("accepted");

        // 3. 15 minutes before: the top bar notification
        moveClockTo(start.minus(Duration.ofMinutes(15)));
        for (SocketClient socket : List.of(aliceSocket, bobSocket, carolSocket)) {
            socket.awaitEvent("meeting:reminder", about(id).and(d -> d.path("minutesBefore").asInt() == 15));
        }

        // 4. At the start time: in progress, "Meeting started"
        moveClockTo(start);
        for (SocketClient socket : List.of(aliceSocket, bobSocket, carolSocket)) {
            socket.awaitEvent("meeting:started", about(id));
        }

        // 5. Alice joins first: registers, checks (she is first), is admitted; the others learn someone is in it
        register(aliceSocket, id);
        JsonNode alicesCheck = checkParticipants(aliceSocket, id);
        assertThat(alicesCheck.path("isFirst").asBoolean()).isTrue();
        assertThat(alicesCheck.path("count").asInt()).isEqualTo(1);
        seen(aliceSocket, "meeting:auto_admitted", about(id).and(user("userId", ALICE)), "meetingId", "userId");
        for (SocketClient socket : List.of(bobSocket, carolSocket)) {
            seen(socket, "meeting:first_participant_joined", about(id).and(user("userId", ALICE)), "meetingId", "userId");
        }

        // 6. Bob 2 minutes later: not first (he asks Alice for the key), auto-admitted; both see each other
        moveClockTo(start.plus(Duration.ofMinutes(2)));
        register(bobSocket, id);
        JsonNode bobsCheck = checkParticipants(bobSocket, id);
        assertThat(bobsCheck.path("isFirst").asBoolean()).isFalse();
        assertThat(bobsCheck.path("count").asInt()).isEqualTo(2);
        bobSocket.awaitEvent("meeting:auto_admitted", about(id).and(user("userId", BOB)));
        aliceSocket.awaitEvent("meeting:participant_joined", about(id).and(user("userId", BOB)));

        // 7. Carol 3 minutes later: all three in the grid
        moveClockTo(start.plus(Duration.ofMinutes(5)));
        register(carolSocket, id);
        assertThat(checkParticipants(carolSocket, id).path("count").asInt()).isEqualTo(3);
        carolSocket.awaitEvent("meeting:auto_admitted", about(id).and(user("userId", CAROL)));
        for (SocketClient socket : List.of(aliceSocket, bobSocket)) {
            socket.awaitEvent("meeting:participant_joined", about(id).and(user("userId", CAROL)));
            socket.awaitEvent("meeting:participant_count", about(id).and(count(3)));
        }
        assertThat(all(carolSocket, "meeting:first_participant_joined", about(id))).as("Alice's join only").hasSize(1);

        // 8. Alice ends it: meeting:ended, "1h 32min • 3 participants"
        moveClockTo(start.plus(Duration.ofMinutes(92)));
        endAsHost(id);
        for (SocketClient socket : List.of(aliceSocket, bobSocket, carolSocket)) {
            JsonNode ended = seen(socket, "meeting:ended", about(id), "meetingId", "duration", "participantCount");
            assertThat(ended.path("participantCount").asInt()).isEqualTo(3);
        }
    }

    @Test
    void scenario_2_alice_calls_bob_who_accepts_registers_and_the_call_ends_when_both_left() throws Exception {
        PortalClient alice = client("alice");
        PortalClient bob = client("bob");
        SocketClient aliceSocket = socket("alice");
        SocketClient bobSocket = socket("bob");

        // 1. Bob is online: Alice calls him; InstantCallService notifies him (call:notify) and her prejoin registers
        String id = alice.calls.createInstantCall(BOB, List.of(BOB)).meetingId();
        JsonNode notified = aliceSocket.emit("call:notify", Map.of("meetingId", id, "userIds", List.of(BOB)));
        assertThat(notified.path("ok").asBoolean()).as(notified.toString()).isTrue();
        assertThat(notified.path("data").path("ringing")).as("his phone rings already: not twice").isEmpty();
        register(aliceSocket, id);
        assertThat(checkParticipants(aliceSocket, id).path("isFirst").asBoolean()).isTrue();

        // 2. Alice's waiting screen: Bob greyed out
        aliceSocket.awaitEvent("call:participant_waiting", about(id)
                .and(d -> d.path("participants").findValuesAsText("userId").contains(BOB)));

        // 3. Bob's phone rings: "Alice is calling..."
        JsonNode incoming = seen(bobSocket, "call:incoming", about(id), "meetingId", "callerId", "callerName",
                "callerAvatar", "timestamp");
        assertThat(incoming.path("callerName").asText()).contains("Alice");

        // 4. Bob accepts (call:accepted), goes through the prejoin and joins: "Bob joined"
        bob.rest().call("POST", "/api/calls/accept", Map.of("meetingId", id));
        aliceSocket.awaitEvent("call:accepted", about(id).and(user("userId", BOB)));
        register(bobSocket, id);
        JsonNode bobsCheck = checkParticipants(bobSocket, id);
        assertThat(bobsCheck.path("isFirst").asBoolean()).isFalse();
        assertThat(bobsCheck.path("count").asInt()).isEqualTo(2);
        bobSocket.awaitEvent("meeting:auto_admitted", about(id).and(user("userId", BOB)));
        aliceSocket.awaitEvent("meeting:participant_joined", about(id).and(user("userId", BOB)));
        assertThat(all(bobSocket, "call:incoming", about(id))).as("rung once").hasSize(1);

        // 6. Alice leaves first: "Alice left"
        leave("alice", id);
        bobSocket.awaitEvent("meeting:participant_left", about(id).and(user("userId", ALICE)));

        // 7. Bob leaves: call:ended
        leave("bob", id);
        for (SocketClient socket : List.of(aliceSocket, bobSocket)) {
            seen(socket, "call:ended", about(id), "meetingId", "duration", "endedBy");
        }
    }

    @Test
    void scenario_3_a_channel_call_rings_the_online_members_bob_joins_carol_declines_and_dave_hears_nothing() throws Exception {
        PortalClient alice = client("alice");
        String channel = "channel-" + UUID.randomUUID();
        TestPortal.thread(channel, ALICE, BOB, CAROL, DAVE);
        offline(DAVE);
        SocketClient aliceSocket = socket("alice");
        SocketClient bobSocket = socket("bob");
        SocketClient carolSocket = socket("carol");

        // 1.-2. Alice calls the online members; notifyParticipants; her prejoin
        assertThat(alice.presence.getStatusForChannel(channel).get(DAVE).isOnline()).isFalse();
        String id = alice.calls.createInstantCall(channel, List.of(BOB, CAROL)).meetingId();
        JsonNode notified = aliceSocket.emit("call:notify", Map.of("meetingId", id, "userIds", List.of(BOB, CAROL)));
        assertThat(notified.path("ok").asBoolean()).as(notified.toString()).isTrue();
        register(aliceSocket, id);
        bobSocket.awaitEvent("call:incoming", about(id).and(user("callerId", ALICE)));
        carolSocket.awaitEvent("call:incoming", about(id).and(user("callerId", ALICE)));

        // 3. The waiting grid: Bob and Carol
        aliceSocket.awaitEvent("call:participant_waiting", about(id)
                .and(d -> d.path("participants").findValuesAsText("userId").containsAll(List.of(BOB, CAROL))));

        // 4. Bob accepts and joins through his prejoin: "Bob joined"
        client("bob").rest().call("POST", "/api/calls/accept", Map.of("meetingId", id));
        aliceSocket.awaitEvent("call:accepted", about(id).and(user("userId", BOB)));
        register(bobSocket, id);
        aliceSocket.awaitEvent("meeting:participant_joined", about(id).and(user("userId", BOB)));

        // 5. Carol declines: "Carol declined the call"; her avatar leaves the grid
        client("carol").calls.declineCall(id);
        seen(aliceSocket, "call:declined", about(id).and(user("userId", CAROL)), "meetingId", "userId", "displayName");

        // 6. Dave comes online later: no notification of the call under way
        SocketClient daveSocket = socket("dave");
        roundTrip(daveSocket);
        assertThat(all(daveSocket, "call:incoming", about(id))).isEmpty();

        // 7. Alice ends the call
        alice.calls.endCall(id);
        bobSocket.awaitEvent("call:ended", about(id).and(user("endedBy", ALICE)));
    }

    @Test
    void scenario_4_charlie_waits_without_polling_is_told_when_alice_is_in_asks_is_admitted_and_warned() throws Exception {
        PortalClient alice = client("alice");
        Instant start = travelBack(Duration.ofMinutes(130)).plus(Duration.ofMinutes(90)); // "today 16:00"

        // 1. "Client Demo", external participants allowed, its link shared
        String id = alice.meetings.createMeeting(new NewMeeting("Client Demo", start, start.plus(Duration.ofHours(1)),
                List.of(BOB)).allowExternal(true)).meetingId();
        String token = alice.meetings.generateExternalLink(id);

        // 2.-5. Charlie registers at 15:55 and opens his prejoin: nobody is in it, "Ask for Access" disabled
        moveClockTo(start.minus(Duration.ofMinutes(5)));
        PortalClient charlie = guestBrowser();
        var joined = charlie.external.join(token, "Charlie (Acme Corp)", null);
        String sessionId = joined.session().sessionId();
        SocketClient charlieSocket = guestSocket(joined.registered().path("credential").asText());
        seen(charlieSocket, "meeting:participant_count", about(id).and(count(0)), "meetingId", "count");

        // 6. Alice starts at 16:00 (Charlie's button is enabled, no refresh), Bob joins at 16:02
        SocketClient aliceSocket = socket("alice");
        SocketClient bobSocket = socket("bob");
        moveClockTo(start);
        register(aliceSocket, id);
        charlieSocket.awaitEvent("meeting:participant_count", about(id).and(count(1)));
        bobSocket.awaitEvent("meeting:first_participant_joined", about(id).and(user("userId", ALICE)));
        moveClockTo(start.plus(Duration.ofMinutes(2)));
        register(bobSocket, id);
        charlieSocket.awaitEvent("meeting:participant_count", about(id).and(count(2)));

        // 7. 16:05: Charlie asks; Alice and Bob see the overlay; Alice admits; Charlie enters, all three see each other
        moveClockTo(start.plus(Duration.ofMinutes(5)));
        charlie.rest().call("POST", "/api/meetings/external/session/" + sessionId + "/ask", null);
        for (SocketClient inside : List.of(aliceSocket, bobSocket)) {
            inside.awaitEvent("meeting:guest_waiting", about(id).and(user("sessionId", sessionId))
                    .and(d -> d.path("displayName").asText().equals("Charlie (Acme Corp)")));
        }
        JsonNode admitted = aliceSocket.emit("meeting:admit_guest", Map.of("meetingId", id, "sessionId", sessionId));
        assertThat(admitted.path("ok").asBoolean()).as(admitted.toString()).isTrue();
        charlieSocket.awaitEvent("meeting:guest_admitted", user("sessionId", sessionId).and(user("admittedBy", ALICE)));
        charlie.rest().call("POST", "/api/meetings/external/session/" + sessionId + "/join", null);
        for (SocketClient inside : List.of(aliceSocket, bobSocket)) {
            inside.awaitEvent("external:joined", about(id).and(user("sessionId", sessionId)));
        }

        // 9. Bob leaves at 16:30: Charlie stays
        moveClockTo(start.plus(Duration.ofMinutes(30)));
        leave("bob", id);
        charlieSocket.awaitEvent("meeting:participant_count", about(id).and(count(1)));

        // 10. Alice, the last portal user, leaves at 16:45: Charlie is warned before he is disconnected
        moveClockTo(start.plus(Duration.ofMinutes(45)));
        leave("alice", id);
        seen(charlieSocket, "external:all_server_users_left", about(id), "meetingId");
        assertThat(charlieSocket.events("meeting:chat_message")).isEmpty();
    }

    @Test
    void scenario_5_bob_and_carol_see_alice_come_online_get_the_minute_digest_and_see_alice_and_bob_go_offline() throws Exception {
        String channel = "channel-" + UUID.randomUUID();
        TestPortal.thread(channel, ALICE, BOB, CAROL, DAVE);
        offline(ALICE, BOB, CAROL, DAVE); // from nobody seen: last_seen never goes back, and other tests move the clock
        SocketClient bobSocket = socket("bob");
        SocketClient carolSocket = socket("carol");
        assertThat(bobSocket.emit("presence:subscribe", Map.of("userIds", List.of(ALICE))).path("data").path("users")
                .get(0).path("status").asText()).isEqualTo("offline");
        carolSocket.emit("presence:subscribe", Map.of("userIds", List.of(ALICE, BOB)));

        // 1.-2. Alice logs in: her socket and the immediate heartbeat; Bob and Carol see her dot turn green
        SocketClient aliceSocket = socket("alice");
        client("alice").presence.sendHeartbeat();
        seen(bobSocket, "presence:user_connected", user("userId", ALICE), "userId");
        JsonNode online = seen(carolSocket, "presence:update", user("userId", ALICE)
                .and(d -> d.path("status").asText().equals("online")), "userId", "status", "lastSeen");
        assertThat(online.path("lastSeen").asText()).isNotEmpty();

        // 3. Every minute: presence:bulk_update {users: [{userId, status, lastSeen}]}
        gateway.presenceDigest();
        JsonNode users = seen(bobSocket, "presence:bulk_update",
                d -> d.path("users").findValuesAsText("userId").contains(ALICE), "users").path("users");
        for (JsonNode row : users) {
            assertThat(row.has("userId") && row.has("status") && row.has("lastSeen")).as(row.toString()).isTrue();
        }
        assertThat(users.get(0).path("status").asText()).isEqualTo("online");

        // 4. Carol opens the channel's member list: Alice and Bob online, Dave offline
        Map<String, UserPresence> members = client("carol").presence.getStatusForChannel(channel);
        assertThat(members.get(ALICE).isOnline()).isTrue();
        assertThat(members.get(BOB).isOnline()).isTrue();
        assertThat(members.get(DAVE).isOnline()).isFalse();

        // 5. Alice's network drops: after the grace (and her heartbeat's window) Bob and Carol see her dot turn grey
        String aliceConnection = aliceSocket.sessionId().orElseThrow();
        aliceSocket.close();
        awaitClosed(aliceConnection);
        moveClockTo(now().plus(Duration.ofMinutes(2)));
        presenceSweep.sweep();
        JsonNode gone = seen(bobSocket, "presence:user_disconnected", user("userId", ALICE), "userId", "lastSeen");
        assertThat(DartDateTime.parse(gone.path("lastSeen").asText())).isBefore(now());
        carolSocket.awaitEvent("presence:update", user("userId", ALICE).and(d -> d.path("status").asText().equals("offline")));

        // 6. Alice reconnects: her dot turns green again
        socket("alice");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> all(bobSocket, "presence:user_connected", user("userId", ALICE)).size() == 2);

        // 7. Bob closes the app: Carol sees him go offline
        String bobConnection = bobSocket.sessionId().orElseThrow();
        bobSocket.close();
        awaitClosed(bobConnection);
        moveClockTo(now().plus(Duration.ofMinutes(2)));
        presenceSweep.sweep();
        carolSocket.awaitEvent("presence:user_disconnected", user("userId", BOB));
    }

    @Test
    void scenario_8_dave_is_invited_live_the_others_see_pending_then_joined_and_bob_admits_eve() throws Exception {
        PortalClient alice = client("alice");
        Instant start = now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        String id = alice.meetings.createMeeting(new NewMeeting("Sprint Review", start, start.plus(Duration.ofHours(1)),
                List.of(BOB, CAROL)).allowExternal(true)).meetingId();
        SocketClient aliceSocket = socket("alice");
        SocketClient bobSocket = socket("bob");
        SocketClient carolSocket = socket("carol");
        SocketClient daveSocket = socket("dave");
        List<SocketClient> inside = List.of(aliceSocket, bobSocket, carolSocket);

        // 1. Alice, Bob and Carol are in "Sprint Review" (Alice started it)
        for (SocketClient socket : inside) {
            register(socket, id);
        }

        // 2.-4. Alice invites Dave: Dave is told; Alice, Bob and Carol see "Dave - Pending..."
        alice.meetings.inviteDuringMeeting(id, List.of(DAVE));
        seen(daveSocket, "meeting:live_invite_sent", about(id).and(user("userId", DAVE)), "meetingId", "userId",
                "displayName", "invitedBy");
        for (SocketClient socket : inside) {
            JsonNode pending = seen(socket, "meeting:participant_invited", about(id).and(user("userId", DAVE)),
                    "displayName", "invitedBy", "live");
            assertThat(pending.path("live").asBoolean()).isTrue();
        }

        // 5.-6. Dave clicks "Join Now": his prejoin, auto-admitted; everyone sees him join: "Dave - Joined"
        register(daveSocket, id);
        assertThat(checkParticipants(daveSocket, id).path("count").asInt()).isEqualTo(4);
        daveSocket.awaitEvent("meeting:auto_admitted", about(id).and(user("userId", DAVE)));
        for (SocketClient socket : inside) {
            socket.awaitEvent("meeting:participant_joined", about(id).and(user("userId", DAVE)));
        }
        JsonNode joined = seen(aliceSocket, "meeting:participant_status", about(id).and(user("userId", DAVE)), "status");
        assertThat(joined.path("status").asText()).isEqualTo("attended");

        // 7.-8. Alice generates a link: meeting:invite_link_generated to all participants
        String token = alice.meetings.generateExternalLink(id);
        for (SocketClient socket : List.of(aliceSocket, bobSocket, carolSocket, daveSocket)) {
            socket.awaitEvent("meeting:invite_link_generated", about(id));
        }

        // 10.-11. Eve opens the link, registers, her prejoin sees four in it; she asks; all four see her request
        PortalClient eve = guestBrowser();
        var registered = eve.external.join(token, "Eve (Stakeholder)", null);
        String sessionId = registered.session().sessionId();
        SocketClient eveSocket = guestSocket(registered.registered().path("credential").asText());
        eveSocket.awaitEvent("meeting:participant_count", about(id).and(count(4)));
        eve.rest().call("POST", "/api/meetings/external/session/" + sessionId + "/ask", null);
        for (SocketClient socket : List.of(aliceSocket, bobSocket, carolSocket, daveSocket)) {
            socket.awaitEvent("meeting:guest_waiting", about(id).and(user("sessionId", sessionId)));
        }

        // 12. Bob admits Eve; she enters: all five
        JsonNode admitted = bobSocket.emit("meeting:admit_guest", Map.of("meetingId", id, "sessionId", sessionId));
        assertThat(admitted.path("ok").asBoolean()).as(admitted.toString()).isTrue();
        eveSocket.awaitEvent("meeting:guest_admitted", user("sessionId", sessionId).and(user("admittedBy", BOB)));
        eve.rest().call("POST", "/api/meetings/external/session/" + sessionId + "/join", null);
        aliceSocket.awaitEvent("external:joined", about(id).and(user("sessionId", sessionId)));
    }

    @Test
    void scenario_8_alternative_dave_declines_and_alice_sees_dave_declined() throws Exception {
        PortalClient alice = client("alice");
        Instant start = now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        String id = alice.meetings.createMeeting(new NewMeeting("Sprint Review", start, start.plus(Duration.ofHours(1)),
                List.of(BOB))).meetingId();
        SocketClient aliceSocket = socket("alice");
        SocketClient daveSocket = socket("dave");
        register(aliceSocket, id);
        alice.meetings.inviteDuringMeeting(id, List.of(DAVE));
        daveSocket.awaitEvent("meeting:live_invite_sent", about(id));

        client("dave").meetings.declineMeetingInvite(id);

        JsonNode declined = seen(aliceSocket, "meeting:participant_status", about(id).and(user("userId", DAVE)),
                "meetingId", "userId", "displayName", "status");
        assertThat(declined.path("status").asText()).isEqualTo("declined");
        assertThat(declined.path("displayName").asText()).contains("Dave");
        assertThat(alice.meetings.getMeetingParticipants(id)).filteredOn(p -> p.userId().equals(DAVE))
                .extracting(MeetingParticipant::status).containsExactly(ParticipantStatus.declined);
    }

    /** The gateway told presence the socket closed. */
    private void awaitClosed(String connectionId) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from presence_connection where connection_id = :id").param("id", connectionId)
                .query(Long.class).single() == 0);
    }
}
