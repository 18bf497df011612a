package io.convene.domain.meeting;

import org.springframework.data.repository.ListCrudRepository;

/** All meetings and instant calls, by their typed id. */
public interface Meetings extends ListCrudRepository<Meeting, MeetingId> {
}
