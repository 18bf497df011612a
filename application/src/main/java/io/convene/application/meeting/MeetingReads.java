package io.convene.application.meeting;

import io.convene.application.meeting.MeetingResults.MeetingView;
import io.convene.application.meeting.MeetingResults.ParticipantView;
import io.convene.application.meeting.MeetingResults.Preview;
import io.convene.application.meeting.MeetingResults.PreviewParticipant;
import io.convene.application.shared.Actor;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Participant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** One meeting as its participants (and org admins) see it; who is in it now. */
@Service
public class MeetingReads {

    private final MeetingPolicy policy;
    private final UnitOfWork work;
    private final ExternalJoinTokens tokens;

    MeetingReads(MeetingPolicy policy, UnitOfWork work, ObjectProvider<ExternalJoinTokens> tokens) {
        this.policy = policy;
        this.work = work;
        this.tokens = tokens.getIfAvailable(() -> ExternalJoinTokens.NONE);
    }

    public Meeting get(MeetingId id, Actor actor) {
        return work.read(() -> policy.visible(id, actor));
    }

    /** The meeting or call as seed 002's Meeting object, with its link for a viewer who may share it. */
    public MeetingView view(MeetingId id, Actor actor) {
        return work.read(() -> {
            Meeting meeting = policy.visible(id, actor);
            return MeetingView.of(meeting, actor.id(), tokens.current(List.of(meeting), actor).get(id.value()));
        });
    }

    /** Seed 002's {@code getMeetingParticipants}: who is invited, with their answer and attendance. */
    public List<ParticipantView> participants(MeetingId id, Actor actor) {
        return work.read(() -> policy.visible(id, actor).participants().stream().map(ParticipantView::of).toList());
    }

    /** Seed 002's prejoin check: who is in it now, and whether the asker would be the first (outsiders: 404). */
    public MeetingResults.ParticipantsCheck participantsCheck(MeetingId id, Actor actor) {
        return work.read(() -> {
            Meeting meeting = policy.visible(id, actor);
            List<Participant> present = meeting.participants().stream().filter(Participant::isPresent).toList();
            boolean othersIn = present.stream().anyMatch(p -> !p.userId().equals(actor.id()));
            return new MeetingResults.ParticipantsCheck(id.value(), !othersIn, present.size());
        });
    }

    /** The prejoin's status check: its status, title, times and how many are in it now (outsiders: 404). */
    public MeetingResults.StatusCheck statusCheck(MeetingId id, Actor actor) {
        return work.read(() -> {
            Meeting meeting = policy.visible(id, actor);
            List<Participant> present = meeting.participants().stream().filter(Participant::isPresent).toList();
            return new MeetingResults.StatusCheck(id.value(), meeting.title(), MeetingResults.lower(meeting.status()),
                    meeting.startTime(), meeting.endTime(), meeting.isInstantCall(), meeting.allowExternal(),
                    present.size(), present.stream().anyMatch(p -> p.userId().equals(actor.id())));
        });
    }

    /** Who is in the meeting now (internal users see names). */
    public Preview preview(MeetingId id, Actor actor) {
        return work.read(() -> {
            Meeting meeting = policy.visible(id, actor);
            List<PreviewParticipant> active = meeting.participants().stream().filter(Participant::isPresent)
                    .map(p -> new PreviewParticipant(p.userId(), p.displayName())).toList();
            return new Preview(meeting.id(), meeting.title(), MeetingResults.lower(meeting.status()),
                    meeting.startTime(), active.size(), active);
        });
    }
}
