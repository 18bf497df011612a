package io.convene.application.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.application.shared.InvalidInputException;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingDetails;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Provider;
import io.convene.domain.user.DirectoryUser;
import io.convene.domain.user.UserDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The invite rules a request must meet before the aggregate sees it. */
class MeetingInputsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final DirectoryUser OWNER = user("owner");

    private final MeetingInputs inputs = new MeetingInputs(new NoDirectory(), new MeetingProperties(
            Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofHours(24), Duration.ofHours(8), 100, 3));

    @Test
    void a_meeting_without_max_participants_takes_invitees_up_to_the_default_cap() {
        Meeting meeting = meeting(null, List.of(user("a")));

        inputs.requireRoomFor(meeting, List.of(user("b")), "participantIds"); // 3: at the cap

        assertThatThrownBy(() -> inputs.requireRoomFor(meeting, List.of(user("b"), user("c")), "participantIds"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("participantIds"))
                .hasMessageContaining("at most 3");
    }

    @Test
    void people_already_in_the_meeting_do_not_count_twice() {
        Meeting meeting = meeting(null, List.of(user("a"), user("b")));

        inputs.requireRoomFor(meeting, List.of(user("a"), user("b"), user("a")), "participantIds");
    }

    @Test
    void a_meeting_with_its_own_max_participants_is_the_aggregates_rule() {
        Meeting meeting = meeting(50, List.of(user("a"), user("b")));

        inputs.requireRoomFor(meeting, IntStream.range(0, 10).mapToObj(i -> user("u" + i)).toList(), "participantIds");
    }

    @Test
    void more_ids_than_one_request_may_name_are_refused_naming_the_field() {
        List<String> ids = IntStream.range(0, 101).mapToObj(i -> "u" + i).toList();

        assertThatThrownBy(() -> inputs.requireFewEnough("participantIds", ids))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("participantIds");
    }

    private static Meeting meeting(Integer maxParticipants, List<DirectoryUser> invitees) {
        MeetingDetails details = new MeetingDetails("Planning", null, NOW.plus(Duration.ofHours(1)),
                NOW.plus(Duration.ofHours(2)), Provider.INTERNAL, null, false, maxParticipants, false, false, false, false);
        return Meeting.schedule(MeetingId.newMeeting(), details, OWNER, invitees, false, NOW);
    }

    private static DirectoryUser user(String id) {
        return new DirectoryUser(id, id, id.toUpperCase(), null);
    }

    /** The directory is not asked here: these rules run before any look-up. */
    private static final class NoDirectory implements UserDirectory {
        @Override
        public Optional<DirectoryUser> find(String id) {
            throw new AssertionError("no look-up expected");
        }

        @Override
        public List<DirectoryUser> search(String query, int limit) {
            throw new AssertionError("no search expected");
        }
    }
}
