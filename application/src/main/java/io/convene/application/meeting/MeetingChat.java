package io.convene.application.meeting;

import io.convene.application.meeting.MeetingResults.ChatMessageView;
import io.convene.application.shared.Actor;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.ChatMessages;
import io.convene.domain.meeting.ChatMessages.ChatMessage;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingEvent;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Participant;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** The in-meeting chat (seed 000): for the meeting's participants, never for guests. */
@Service
public class MeetingChat {

    private final MeetingPolicy policy;
    private final ChatMessages chat;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;

    MeetingChat(MeetingPolicy policy, ChatMessages chat, EventOutbox outbox, UnitOfWork work, Clock clock) {
        this.policy = policy;
        this.chat = chat;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    /** Messages, newest last; page back with {@code before} (a message id). */
    public List<ChatMessageView> page(MeetingId id, Long before, int size, Actor actor) {
        return work.read(() -> {
            Meeting meeting = policy.visible(id, actor);
            policy.requireParticipant(meeting, actor);
            return chat.page(id.value(), before, size).stream().map(MeetingChat::view).toList();
        });
    }

    public ChatMessageView post(MeetingId id, String body, Actor actor) {
        return work.write(() -> {
            Meeting meeting = policy.visible(id, actor);
            Participant participant = policy.requireParticipant(meeting, actor);
            ChatMessage posted = chat.post(id.value(), actor.id(), participant.displayName(), body.trim(), clock.instant());
            // the chat panels of the other participants get it at once (meeting:chat_message), no polling
            outbox.append(new MeetingEvent.ChatMessage(id, posted.id(), posted.userId(), posted.displayName(),
                    posted.body(), posted.sentAt()));
            return view(posted);
        });
    }

    private static ChatMessageView view(ChatMessage m) {
        return new ChatMessageView(m.id(), m.userId(), m.displayName(), m.body(), m.sentAt());
    }
}
