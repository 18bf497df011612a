package io.convene.domain.meeting;

import java.util.Optional;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/** All meetings and instant calls, by their typed id. */
public interface Meetings extends ListCrudRepository<Meeting, MeetingId> {

    /** The meeting, its row locked until the transaction ends: a decision that others must not cross. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Meeting> findLockedById(MeetingId id);
}
