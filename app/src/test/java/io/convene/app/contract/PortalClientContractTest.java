package io.convene.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.call.TestPortal;
import io.convene.app.contract.Meeting.MeetingStatus;
import io.convene.app.contract.MeetingParticipant.ParticipantStatus;
import io.convene.app.contract.PortalClient.NewMeeting;
import io.convene.app.contract.Rest.PortalError;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's acceptance: the portal's own client (seed 002 §2.1 and §2.3, seed 001's four calls) works
 * unchanged against Convene. One test per client method: the request exactly as the seed sends it, the
 * answer read by the seed's model, and what a user of the portal then expects to see.
 */
class PortalClientContractTest extends ContractFixtures {

    /** A start time as the meeting dialog's pickers give it: whole minutes, an hour or so ahead. */
    Instant inAbout(Duration ahead) {
        return now().plus(ahead).truncatedTo(ChronoUnit.MINUTES);
    }

    NewMeeting planning(Instant start, List<String> invitees) {
        return new NewMeeting("Sprint Planning", start, start.plus(Duration.ofMinutes(90)), invitees)
                .description("Q1 2025 Sprint Planning Session");
    }

    Meeting alicesMeeting(List<String> invitees) {
        return client("alice").meetings.createMeeting(planning(inAbout(Duration.ofHours(2)), invitees));
    }

    @Nested
    class MeetingServiceContract {

        @Test
        void createMeeting_answers_the_meeting_as_given_with_its_owner_and_the_invitees_invited() {
            Instant start = inAbout(Duration.ofHours(2));
            Instant end = start.plus(Duration.ofMinutes(90));

            Meeting meeting = client("alice").meetings.createMeeting(planning(start, List.of(BOB, CAROL))
                    .maxParticipants(10).allowExternal(true).muteOnJoin(true).waitingRoomEnabled(true));

            assertThat(meeting.meetingId()).startsWith("mtg_");
            assertThat(meeting.title()).isEqualTo("Sprint Planning");
            assertThat(meeting.description()).isEqualTo("Q1 2025 Sprint Planning Session");
            assertThat(meeting.createdBy()).isEqualTo(ALICE);
            assertThat(meeting.startTime()).isEqualTo(start);
            assertThat(meeting.endTime()).isEqualTo(end);
            assertThat(meeting.isRecurring()).isFalse();
            assertThat(meeting.maxParticipants()).isEqualTo(10);
            assertThat(meeting.allowExternal()).isTrue();
            assertThat(meeting.status()).isEqualTo(MeetingStatus.scheduled);
            assertThat(meeting.isInstantCall()).isFalse();
            assertThat(meeting.participants()).extracting(MeetingParticipant::userId).contains(ALICE, BOB, CAROL);
            assertThat(meeting.row(BOB).status()).isEqualTo(ParticipantStatus.invited);
            assertThat(meeting.row(CAROL).status()).isEqualTo(ParticipantStatus.invited);
            assertThat(meeting.row(BOB).displayName()).contains("Bob");
            assertThat(meeting.row(BOB).joinedAt()).isNull();
        }

        @Test
        void getUpcomingMeetings_shows_an_invitee_the_meeting_with_their_own_row() {
            Meeting created = client("alice").meetings.createMeeting(planning(inAbout(Duration.ofHours(2)), List.of(BOB))
                    .allowExternal(true));

            List<Meeting> upcoming = client("bob").meetings.getUpcomingMeetings();

            Meeting listed = find(upcoming, created.meetingId());
            assertThat(listed.isRecurring()).isFalse();
            assertThat(listed.allowExternal()).isTrue();
            assertThat(listed.status()).isEqualTo(MeetingStatus.scheduled);
            assertThat(listed.participants()).isNotEmpty();
            assertThat(listed.row(BOB).status()).isEqualTo(ParticipantStatus.invited);
        }

        @Test
        void getPastMeetings_shows_an_ended_meeting_with_who_attended_and_when() throws Exception {
            Meeting created = alicesMeeting(List.of(BOB, CAROL));
            client("alice").meetings.joinMeeting(created.meetingId()); // the owner starts early
            client("bob").meetings.joinMeeting(created.meetingId());
            endAsHost(created.meetingId());

            List<Meeting> past = client("bob").meetings.getPastMeetings();

            Meeting listed = find(past, created.meetingId());
            assertThat(listed.status()).isEqualTo(MeetingStatus.ended);
            assertThat(listed.participants()).filteredOn(p -> p.status() == ParticipantStatus.attended)
                    .extracting(MeetingParticipant::userId).containsExactlyInAnyOrder(ALICE, BOB);
            assertThat(listed.row(BOB).joinedAt()).isNotNull();
            assertThat(listed.row(BOB).leftAt()).isNotNull().isAfterOrEqualTo(listed.row(BOB).joinedAt());
            assertThat(listed.row(CAROL).status()).isEqualTo(ParticipantStatus.invited);
        }

        @Test
        void getMyMeetings_holds_the_meetings_one_created_or_is_invited_to_and_no_others() {
            Meeting created = alicesMeeting(List.of(BOB));

            assertThat(client("alice").meetings.getMyMeetings()).extracting(Meeting::meetingId).contains(created.meetingId());
            assertThat(client("bob").meetings.getMyMeetings()).extracting(Meeting::meetingId).contains(created.meetingId());
            assertThat(client("dave").meetings.getMyMeetings()).extracting(Meeting::meetingId).doesNotContain(created.meetingId());
        }

        @Test
        void getMeetingDetails_shows_an_invitee_the_meeting_and_tells_an_outsider_not_found() {
            Meeting created = alicesMeeting(List.of(BOB, CAROL));

            Meeting details = client("bob").meetings.getMeetingDetails(created.meetingId());
            PortalError outsider = catchThrowableOfType(PortalError.class,
                    () -> client("dave").meetings.getMeetingDetails(created.meetingId()));

            assertThat(details.meetingId()).isEqualTo(created.meetingId());
            assertThat(details.title()).isEqualTo("Sprint Planning");
            assertThat(details.startTime()).isEqualTo(created.startTime());
            assertThat(details.participants()).extracting(MeetingParticipant::userId).contains(ALICE, BOB, CAROL);
            assertThat(outsider).as("an outsider's request").isNotNull();
            assertThat(outsider.status()).isEqualTo(404);
            assertThat(outsider.body().path("error").asText()).as(outsider.getMessage()).isEqualTo("not_found");
        }

        @Test
        void updateMeeting_changes_what_the_dialog_saved_dates_in_darts_format() {
            Meeting created = alicesMeeting(List.of(BOB));
            Instant later = created.startTime().plus(Duration.ofHours(1));

            client("alice").meetings.updateMeeting(created.meetingId(), Map.of(
                    "title", "Sprint Planning (moved)", "description", "Now an hour later",
                    "startTime", DartDateTime.toIso8601Utc(later),
                    "endTime", DartDateTime.toIso8601Utc(later.plus(Duration.ofMinutes(90)))));

            Meeting details = client("bob").meetings.getMeetingDetails(created.meetingId());
            assertThat(details.title()).isEqualTo("Sprint Planning (moved)");
            assertThat(details.description()).isEqualTo("Now an hour later");
            assertThat(details.startTime()).isEqualTo(later);
            assertThat(details.endTime()).isEqualTo(later.plus(Duration.ofMinutes(90)));
        }

        @Test
        void cancelMeeting_leaves_the_meeting_cancelled_for_its_invitees() {
            Meeting created = alicesMeeting(List.of(BOB));

            client("alice").meetings.cancelMeeting(created.meetingId());

            assertThat(client("bob").meetings.getMeetingDetails(created.meetingId()).status()).isEqualTo(MeetingStatus.cancelled);
        }

        @Test
        void inviteParticipants_adds_the_users_as_invited() {
            Meeting created = alicesMeeting(List.of(BOB));

            client("alice").meetings.inviteParticipants(created.meetingId(), List.of(DAVE));

            Meeting davesView = client("dave").meetings.getMeetingDetails(created.meetingId());
            assertThat(davesView.row(DAVE).status()).isEqualTo(ParticipantStatus.invited);
        }

        @Test
        void removeParticipant_takes_the_user_off_the_list() {
            Meeting created = alicesMeeting(List.of(BOB, CAROL));

            client("alice").meetings.removeParticipant(created.meetingId(), CAROL);

            assertThat(client("alice").meetings.getMeetingDetails(created.meetingId()).participant(CAROL)).isEmpty();
        }

        @Test
        void acceptMeetingInvite_marks_the_invitee_accepted() {
            Meeting created = alicesMeeting(List.of(BOB));

            client("bob").meetings.acceptMeetingInvite(created.meetingId());

            assertThat(client("alice").meetings.getMeetingDetails(created.meetingId()).row(BOB).status())
                    .isEqualTo(ParticipantStatus.accepted);
        }

        @Test
        void declineMeetingInvite_marks_the_invitee_declined() {
            Meeting created = alicesMeeting(List.of(BOB, CAROL));

            client("carol").meetings.declineMeetingInvite(created.meetingId());

            assertThat(client("alice").meetings.getMeetingDetails(created.meetingId()).row(CAROL).status())
                    .isEqualTo(ParticipantStatus.declined);
        }

        @Test
        void joinMeeting_by_the_owner_starts_it_and_shows_her_attending() {
            Meeting created = alicesMeeting(List.of(BOB));

            client("alice").meetings.joinMeeting(created.meetingId());

            Meeting details = client("bob").meetings.getMeetingDetails(created.meetingId());
            assertThat(details.status()).isEqualTo(MeetingStatus.inProgress);
            assertThat(details.row(ALICE).status()).isEqualTo(ParticipantStatus.attended);
            assertThat(details.row(ALICE).joinedAt()).isNotNull();
            assertThat(details.row(ALICE).leftAt()).isNull();
        }

        @Test
        void dismissNotification_takes_the_15_minute_reminder_away() throws Exception {
            Meeting created = alicesMeeting(List.of(BOB));
            moveClockTo(created.startTime().minus(Duration.ofMinutes(15)));
            eventually(() -> assertThat(notificationsAbout("bob", created.meetingId())).isNotEmpty());
            int shown = notificationsAbout("bob", created.meetingId()).size();

            client("bob").meetings.dismissNotification(created.meetingId(), "15_min_before");

            assertThat(notificationsAbout("bob", created.meetingId())).hasSize(shown - 1);
        }

        @Test
        void inviteDuringMeeting_adds_a_user_to_the_meeting_in_progress() {
            Meeting created = alicesMeeting(List.of(BOB));
            client("alice").meetings.joinMeeting(created.meetingId());

            client("alice").meetings.inviteDuringMeeting(created.meetingId(), List.of(DAVE));

            Meeting davesView = client("dave").meetings.getMeetingDetails(created.meetingId());
            assertThat(davesView.status()).isEqualTo(MeetingStatus.inProgress);
            assertThat(davesView.row(DAVE).status()).isEqualTo(ParticipantStatus.invited);
        }

        @Test
        void generateExternalLink_gives_a_token_the_landing_page_knows() {
            Meeting created = client("alice").meetings.createMeeting(planning(inAbout(Duration.ofMinutes(30)), List.of(BOB))
                    .allowExternal(true));

            String token = client("alice").meetings.generateExternalLink(created.meetingId());

            assertThat(token).isNotBlank();
            JsonNode landing = guestBrowser().rest().call("GET", "/api/meetings/external/join/" + token, null).json();
            assertThat(landing.path("meetingId").asText()).isEqualTo(created.meetingId());
        }

        @Test
        void getMeetingParticipants_lists_everyone_on_the_meeting() {
            Meeting created = alicesMeeting(List.of(BOB, CAROL));

            List<MeetingParticipant> participants = client("bob").meetings.getMeetingParticipants(created.meetingId());

            assertThat(participants).extracting(MeetingParticipant::userId).contains(ALICE, BOB, CAROL);
            assertThat(participants).filteredOn(p -> p.userId().equals(CAROL)).extracting(MeetingParticipant::status)
                    .containsExactly(ParticipantStatus.invited);
        }

        @Test
        void deleteMeeting_of_a_scheduled_meeting_cancels_it() {
            Meeting created = alicesMeeting(List.of(BOB));

            client("alice").meetings.deleteMeeting(created.meetingId());

            assertThat(client("bob").meetings.getMeetingDetails(created.meetingId()).status()).isEqualTo(MeetingStatus.cancelled);
        }

        @Test
        void a_list_longer_than_a_page_stays_a_json_array_with_link_and_total_count_headers() {
            alicesMeeting(List.of(BOB));
            alicesMeeting(List.of(CAROL));

            Rest.Answer page = client("alice").rest().call("GET", "/api/meetings/upcoming?page=0&size=1", null);

            assertThat(Wire.listOf("upcoming page", page.json(), Meeting::fromJson)).hasSize(1);
            assertThat(page.headers().firstValue("X-Total-Count")).as(page.toString())
                    .hasValueSatisfying(total -> assertThat(Integer.parseInt(total)).isGreaterThanOrEqualTo(2));
            assertThat(page.headers().firstValue("Link")).as(page.toString())
                    .hasValueSatisfying(link -> assertThat(link).contains("rel=\"next\"").contains("page=1"));
        }
    }

    @Nested
    class InstantCallServiceContract {

        @Test
        void createInstantCall_from_a_1to1_chat_answers_the_running_call_with_the_callee_invited() throws Exception {
            online("alice", "bob");

            Meeting call = client("alice").calls.createInstantCall(BOB, List.of(BOB));

            assertThat(call.meetingId()).startsWith("call_");
            assertThat(call.isInstantCall()).isTrue();
            assertThat(call.status()).isEqualTo(MeetingStatus.inProgress);
            assertThat(call.title()).isEqualTo("Call");
            assertThat(call.createdBy()).isEqualTo(ALICE);
            assertThat(Duration.between(call.startTime(), call.endTime())).isBetween(Duration.ofMinutes(239), Duration.ofMinutes(241));
            assertThat(call.participants()).extracting(MeetingParticipant::userId).contains(ALICE, BOB);
            assertThat(call.row(BOB).status()).isEqualTo(ParticipantStatus.invited);
        }

        @Test
        void createInstantCall_from_a_channel_keeps_the_channel() throws Exception {
            String channel = "channel-" + UUID.randomUUID();
            TestPortal.thread(channel, ALICE, BOB, CAROL);
            online("alice", "bob", "carol");

            Meeting call = client("alice").calls.createInstantCall(channel, List.of(BOB, CAROL));

            assertThat(call.isInstantCall()).isTrue();
            assertThat(call.channelId()).isEqualTo(channel);
            assertThat(call.participants()).extracting(MeetingParticipant::userId).contains(ALICE, BOB, CAROL);
        }

        @Test
        void acceptCall_puts_the_callee_in_the_call() throws Exception {
            online("alice", "bob");
            Meeting call = client("alice").calls.createInstantCall(BOB, List.of(BOB));

            client("bob").calls.acceptCall(call.meetingId());

            MeetingParticipant bob = client("alice").meetings.getMeetingDetails(call.meetingId()).row(BOB);
            assertThat(bob.status()).isEqualTo(ParticipantStatus.attended);
            assertThat(bob.joinedAt()).isNotNull();
        }

        @Test
        void declineCall_marks_the_callee_declined_while_the_call_goes_on() throws Exception {
            online("alice", "bob", "carol");
            Meeting call = client("alice").calls.createInstantCall("channel-" + UUID.randomUUID(), List.of(BOB, CAROL));
            client("bob").calls.acceptCall(call.meetingId());

            client("carol").calls.declineCall(call.meetingId());

            Meeting details = client("alice").meetings.getMeetingDetails(call.meetingId());
            assertThat(details.status()).isEqualTo(MeetingStatus.inProgress);
            assertThat(details.row(CAROL).status()).isEqualTo(ParticipantStatus.declined);
        }

        @Test
        void endCall_hangs_the_call_up() throws Exception {
            online("alice", "bob");
            Meeting call = client("alice").calls.createInstantCall(BOB, List.of(BOB));
            client("bob").calls.acceptCall(call.meetingId());

            client("alice").calls.endCall(call.meetingId());

            eventually(() -> { // ended, or already cleaned up
                Rest.Answer details = client("bob").rest().exchange("GET", "/api/meetings/" + call.meetingId(), null);
                if (details.status() != 404) {
                    assertThat(details.status()).as(details.toString()).isEqualTo(200);
                    assertThat(Meeting.fromJson(details.json()).status()).isEqualTo(MeetingStatus.ended);
                }
            });
        }

        @Test
        void getWaitingParticipants_lists_whom_the_call_waits_for() throws Exception {
            online("alice", "bob");
            Meeting call = client("alice").calls.createInstantCall(BOB, List.of(BOB));

            List<MeetingParticipant> waiting = client("alice").calls.getWaitingParticipants(call.meetingId());

            assertThat(waiting).filteredOn(p -> p.userId().equals(BOB)).extracting(MeetingParticipant::status)
                    .containsExactly(ParticipantStatus.invited);
        }

        @Test
        void inviteDuringCall_adds_someone_to_the_same_call() throws Exception {
            online("alice", "bob", "carol");
            Meeting call = client("alice").calls.createInstantCall(BOB, List.of(BOB));
            client("bob").calls.acceptCall(call.meetingId());

            client("alice").calls.inviteDuringCall(call.meetingId(), List.of(CAROL));

            List<MeetingParticipant> participants = client("alice").calls.getWaitingParticipants(call.meetingId());
            assertThat(participants).extracting(MeetingParticipant::userId).contains(ALICE, BOB, CAROL);
            assertThat(participants).filteredOn(p -> p.userId().equals(CAROL)).extracting(MeetingParticipant::status)
                    .containsExactly(ParticipantStatus.invited);
        }

        @Test
        void generateExternalLink_of_a_call_gives_a_token() throws Exception {
            online("alice", "bob");
            Meeting call = client("alice").calls.createInstantCall(BOB, List.of(BOB));

            String token = client("alice").calls.generateExternalLink(call.meetingId());

            assertThat(token).isNotBlank();
            JsonNode landing = guestBrowser().rest().call("GET", "/api/meetings/external/join/" + token, null).json();
            assertThat(landing.path("meetingId").asText()).isEqualTo(call.meetingId());
        }
    }

    @Nested
    class PresenceServiceContract {

        @Test
        void sendHeartbeat_makes_the_user_online_for_others() {
            offline(ALICE); // a last_seen another class wrote at a moved engine clock would be in the future
            client("alice").presence.sendHeartbeat();

            UserPresence alice = client("bob").presence.getStatusForUser(ALICE);
            assertThat(alice).isNotNull();
            assertThat(alice.userId()).isEqualTo(ALICE);
            assertThat(alice.isOnline()).isTrue();
            assertThat(alice.lastSeen()).isBetween(now().minus(Duration.ofMinutes(2)), now().plusSeconds(5));
        }

        @Test
        void getStatusForUsers_answers_a_map_with_an_entry_per_id() throws Exception {
            online("alice");
            offline(DAVE);

            Map<String, UserPresence> statuses = client("bob").presence.getStatusForUsers(List.of(ALICE, BOB, DAVE));

            assertThat(statuses).containsOnlyKeys(ALICE, BOB, DAVE);
            assertThat(statuses.get(ALICE).isOnline()).isTrue();
            assertThat(statuses.get(DAVE).status()).isEqualTo(UserPresence.PresenceStatus.offline);
        }

        @Test
        void getStatusForChannel_answers_a_map_of_the_channels_members() throws Exception {
            String channel = "channel-" + UUID.randomUUID();
            TestPortal.thread(channel, ALICE, BOB, CAROL);
            online("alice");

            Map<String, UserPresence> statuses = client("bob").presence.getStatusForChannel(channel);

            assertThat(statuses).containsOnlyKeys(ALICE, BOB, CAROL);
            assertThat(statuses.get(ALICE).isOnline()).isTrue();
        }

        @Test
        void getStatusForUser_of_someone_offline_says_offline_with_a_last_seen() {
            offline(DAVE);

            UserPresence dave = client("alice").presence.getStatusForUser(DAVE);

            assertThat(dave).isNotNull();
            assertThat(dave.status()).isEqualTo(UserPresence.PresenceStatus.offline);
            assertThat(dave.lastSeen()).isNotNull();
        }
    }

    @Nested
    class ExternalParticipantServiceContract {

        Meeting guestsWelcome() {
            return client("alice").meetings.createMeeting(planning(inAbout(Duration.ofMinutes(30)), List.of(BOB)).allowExternal(true));
        }

        @Test
        void joinAsExternal_registers_the_guest_and_answers_its_session() {
            Meeting meeting = guestsWelcome();
            String token = client("alice").meetings.generateExternalLink(meeting.meetingId());

            ExternalSession session = guestBrowser().external.joinAsExternal(token, "Charlie (Acme Corp)", null);

            assertThat(session.sessionId()).isNotBlank();
            assertThat(session.meetingId()).isEqualTo(meeting.meetingId());
            assertThat(session.expiresAt()).isAfter(now()).isBeforeOrEqualTo(now().plus(Duration.ofHours(25)));
        }

        @Test
        void getExternalPreKeys_serves_the_keys_the_guest_registered() {
            Meeting meeting = guestsWelcome();
            String token = client("alice").meetings.generateExternalLink(meeting.meetingId());
            var joined = guestBrowser().external.join(token, "Charlie (Acme Corp)", "charlie@acme.example");

            JsonNode bundle = client("alice").external.getExternalPreKeys(joined.session().sessionId());

            assertThat(bundle.path("identityKeyPublic").asText()).isEqualTo(joined.keys().identityKeyPublic());
            assertThat(bundle.path("signedPreKey")).as(bundle.toString())
                    .isEqualTo(Rest.JSON.valueToTree(joined.keys().signedPreKey()));
        }

        @Test
        void endSession_ends_the_guests_session() {
            Meeting meeting = guestsWelcome();
            String token = client("alice").meetings.generateExternalLink(meeting.meetingId());
            PortalClient charlie = guestBrowser();
            ExternalSession session = charlie.external.joinAsExternal(token, "Charlie (Acme Corp)", null);

            charlie.external.endSession(session.sessionId());

            assertThatThrownBy(() -> client("alice").external.getExternalPreKeys(session.sessionId()))
                    .isInstanceOfSatisfying(PortalError.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    /** Seed 001's four calls, snake_case, in a portal thread (the tests' portal is WireMock). */
    @Nested
    class ThreadCallsOfSeed001 {

        @Test
        void start_join_end_and_log_speak_seed_001s_snake_case() throws Exception {
            String thread = "thread-" + UUID.randomUUID();
            TestPortal.thread(thread, ALICE, BOB);
            online("alice", "bob");

            ThreadCallClient.Started started = threadCalls("alice").start(thread, "video");
            ThreadCallClient.Joined joined = threadCalls("bob").join(started.callId());
            ThreadCallClient.Log during = threadCalls("bob").log(started.callId());
            boolean ok = threadCalls("alice").end(started.callId());
            ThreadCallClient.Log after = threadCalls("alice").log(started.callId());

            assertThat(started.joinUrl()).endsWith("/" + started.roomName());
            assertThat(joined.token()).isNotBlank();
            assertThat(joined.domain()).isNotBlank();
            assertThat(joined.room()).isEqualTo(started.roomName());
            assertThat(during.roomName()).isEqualTo(started.roomName());
            assertThat(during.threadId()).isEqualTo(thread);
            assertThat(during.status()).isNotEqualTo("completed");
            assertThat(ok).isTrue();
            assertThat(after.status()).isEqualTo("completed");
        }

        @Test
        void an_unknown_call_is_not_found_for_join_end_and_log() {
            ThreadCallClient alice = threadCalls("alice");
            String unknown = "call_" + UUID.randomUUID();

            for (Runnable call : List.<Runnable>of(() -> alice.join(unknown), () -> alice.end(unknown), () -> alice.log(unknown))) {
                assertThatThrownBy(call::run).isInstanceOfSatisfying(PortalError.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.body().path("error").asText()).as(e.getMessage()).isEqualTo("not_found");
                });
            }
        }

        @Test
        void someone_not_in_the_thread_is_forbidden_to_join() throws Exception {
            String thread = "thread-" + UUID.randomUUID();
            TestPortal.thread(thread, ALICE, BOB);
            online("alice", "bob");
            ThreadCallClient.Started started = threadCalls("alice").start(thread, "audio");

            assertThatThrownBy(() -> threadCalls("dave").join(started.callId()))
                    .isInstanceOfSatisfying(PortalError.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.body().path("error").asText()).as(e.getMessage()).isEqualTo("forbidden");
                    });
        }
    }
}
