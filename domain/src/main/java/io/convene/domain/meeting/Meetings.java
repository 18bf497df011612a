package io.convene.domain.meeting;

import org.springframework.data.repository.ListCrudRepository;

/** All meetings and instant calls. */
public interface Meetings extends ListCrudRepository<Meeting, String> {
}
