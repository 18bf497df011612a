package io.convene.application.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.convene.application.meeting.MeetingPolicy;
import io.convene.application.shared.Actor;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.NotFoundException;
import io.convene.domain.meeting.CallOrigin;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.user.DirectoryUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who joins a thread call (seed 001): the portal's members, or without a portal the members named at start. */
class CallPolicyTest {

    static final Actor BOB = new Actor("bob", "bob", "Bob", null, Set.of());
    static final Actor CAROL = new Actor("carol", "carol", "Carol", null, Set.of());

    final Meetings meetings = mock(Meetings.class);
    final CallPolicy policy = new CallPolicy(mock(MeetingPolicy.class), meetings);
    final Meeting call = Meeting.call(MeetingId.newCall(), "Call with Bob", new CallOrigin("audio", null, "thread-7"),
            new DirectoryUser("alice", "alice", "Alice", null), List.of(new DirectoryUser("bob", "bob", "Bob", null)),
            java.time.Duration.ofHours(4), Instant.parse("2026-11-24T09:00:00Z"));

    CallPolicyTest() {
        when(meetings.findById(call.id())).thenReturn(Optional.of(call));
    }

    @Test
    void without_a_portal_a_member_named_at_start_joins_and_nobody_else() {
        assertThat(policy.memberCall(call.id(), BOB, false, false)).isSameAs(call);
        assertThatThrownBy(() -> policy.memberCall(call.id(), CAROL, false, false))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void with_a_portal_its_answer_decides() {
        assertThat(policy.memberCall(call.id(), CAROL, true, true)).as("a member the call did not ring").isSameAs(call);
        assertThatThrownBy(() -> policy.memberCall(call.id(), BOB, true, false))
                .as("named at start, but no longer in the thread").isInstanceOf(ForbiddenException.class);
    }

    @Test
    void an_unknown_call_is_404() {
        MeetingId unknown = MeetingId.newCall();
        when(meetings.findById(unknown)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> policy.memberCall(unknown, BOB, false, false)).isInstanceOf(NotFoundException.class);
    }
}
