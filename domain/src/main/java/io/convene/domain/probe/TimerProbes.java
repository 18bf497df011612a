package io.convene.domain.probe;

import org.springframework.data.repository.ListCrudRepository;

/** All timer probes. */
public interface TimerProbes extends ListCrudRepository<TimerProbe, String> {
}
