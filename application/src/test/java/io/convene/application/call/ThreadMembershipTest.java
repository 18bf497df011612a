package io.convene.application.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.application.shared.Actor;
import io.convene.application.shared.FieldError;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.UnavailableException;
import io.convene.domain.thread.ThreadDirectory;
import io.convene.domain.thread.ThreadDirectoryUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Seed 001's thread rules, with the portal's answers played by a map — or no portal at all. */
class ThreadMembershipTest {

    static final Actor ALICE = new Actor("alice", "alice", "Alice", null, Set.of());
    static final Actor DAVE = new Actor("dave", "dave", "Dave", null, Set.of());

    @Nested
    class WithoutAPortal {

        final RecordingDirectory directory = new RecordingDirectory(null);
        final ThreadMembership threads = new ThreadMembership(directory);

        @Test
        void the_members_are_the_ones_named_at_start_and_the_portal_is_never_asked() {
            ThreadMembership.Callees callees = threads.forStart("thread-7", List.of("bob", "carol"), ALICE);

            assertThat(callees.ids()).containsExactly("bob", "carol");
            assertThat(callees.named()).isTrue();
            assertThat(threads.portalDecides("thread-7")).as("joins: the call's named members decide").isFalse();
            assertThat(directory.asked).isEmpty();
        }

        @Test
        void a_start_that_names_nobody_is_a_bad_request() {
            assertThatThrownBy(() -> threads.forStart("thread-7", null, ALICE))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("memberIds"));
            assertThatThrownBy(() -> threads.forStart("thread-7", List.of(), ALICE))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    class WithAPortal {

        final RecordingDirectory directory = new RecordingDirectory(Map.of(
                "thread-7", List.of("alice", "bob", "carol"),
                "alone", List.of("alice"),
                "crowd", IntStream.rangeClosed(0, 51).mapToObj(i -> i == 0 ? "alice" : "user-" + i).toList()));
        final ThreadMembership threads = new ThreadMembership(directory);

        @Test
        void a_member_rings_the_members_named() {
            ThreadMembership.Callees callees = threads.forStart("thread-7", List.of("bob"), ALICE);

            assertThat(callees.ids()).containsExactly("bob");
            assertThat(callees.named()).isTrue();
        }

        @Test
        void a_member_who_names_nobody_rings_every_other_member() {
            ThreadMembership.Callees callees = threads.forStart("thread-7", null, ALICE);

            assertThat(callees.ids()).containsExactly("bob", "carol");
            assertThat(callees.named()).isFalse();
        }

        @Test
        void someone_not_in_the_thread_cannot_start_a_call_in_it() {
            assertThatThrownBy(() -> threads.forStart("thread-7", List.of("bob"), DAVE))
                    .isInstanceOf(ForbiddenException.class).hasMessageContaining("thread-7");
            assertThatThrownBy(() -> threads.forStart("unknown", List.of("bob"), ALICE))
                    .as("a thread the portal does not know has no members").isInstanceOf(ForbiddenException.class);
        }

        @Test
        void a_named_member_who_is_not_in_the_thread_is_named_in_the_error() {
            assertThatThrownBy(() -> threads.forStart("thread-7", List.of("bob", "dave"), ALICE))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("memberIds[1]"));
        }

        @Test
        void a_thread_with_nobody_else_or_too_many_to_ring_whole_is_a_bad_request() {
            assertThatThrownBy(() -> threads.forStart("alone", null, ALICE))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("threadId"));
            assertThatThrownBy(() -> threads.forStart("crowd", null, ALICE))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("memberIds"));
        }

        @Test
        void joins_ask_the_portal() {
            assertThat(threads.portalDecides("thread-7")).isTrue();
            assertThat(threads.portalDecides(null)).as("a call without a thread").isFalse();
            assertThat(threads.isMember("thread-7", ALICE)).isTrue();
            assertThat(threads.isMember("thread-7", DAVE)).isFalse();
        }

        @Test
        void a_portal_that_does_not_answer_is_a_503_naming_the_thread() {
            directory.down = true;

            assertThatThrownBy(() -> threads.forStart("thread-7", List.of("bob"), ALICE))
                    .isInstanceOf(UnavailableException.class).hasMessageContaining("thread-7");
            assertThatThrownBy(() -> threads.isMember("thread-7", ALICE))
                    .isInstanceOf(UnavailableException.class);
        }
    }

    /** Knows no threads when {@code threads} is null; otherwise answers from it. */
    static final class RecordingDirectory implements ThreadDirectory {

        final Map<String, List<String>> threads;
        final List<String> asked = new ArrayList<>();
        boolean down;

        RecordingDirectory(Map<String, List<String>> threads) {
            this.threads = threads;
        }

        @Override
        public boolean knowsThreads() {
            return threads != null;
        }

        @Override
        public boolean isMember(String threadId, String userId) {
            return members(threadId).contains(userId);
        }

        @Override
        public List<String> members(String threadId) {
            asked.add(threadId);
            if (down) {
                throw new ThreadDirectoryUnavailableException("the portal did not answer");
            }
            return threads == null ? List.of() : threads.getOrDefault(threadId, List.of());
        }

        @Override
        public List<String> peersOf(String userId) {
            return List.of();
        }
    }
}
