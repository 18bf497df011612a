package io.convene.domain.meeting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/** All meetings and instant calls, by their typed id. */
public interface Meetings extends ListCrudRepository<Meeting, MeetingId> {

    /** The meeting, its row locked until the transaction ends: a decision that others must not cross. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Meeting> findLockedById(MeetingId id);

    /**
     * The other participants of the meetings and calls in progress that {@code userId} is a
     * participant of: who shares a meeting or call with them now, invited or attending (at most
     * {@code limit}). Who declined or was removed is not in it, on either side.
     */
    @Query("""
            select distinct other.user_id from meeting_participant mine
            join meeting m on m.id = mine.meeting_id and m.status = 'IN_PROGRESS'
            join meeting_participant other on other.meeting_id = m.id and other.user_id <> mine.user_id
                and other.status not in ('DECLINED', 'REMOVED')
            where mine.user_id = :userId and mine.status not in ('DECLINED', 'REMOVED')
            limit :limit""")
    List<String> membersInProgressWith(String userId, int limit);

    /** The meetings and calls in progress that {@code userId} is in now (joined, not left): at most {@code limit} ids. */
    @Query("""
            select m.id from meeting_participant p
            join meeting m on m.id = p.meeting_id and m.status = 'IN_PROGRESS'
            where p.user_id = :userId and p.status = 'JOINED'
            order by m.id limit :limit""")
    List<String> attendingNow(String userId, int limit);
}
