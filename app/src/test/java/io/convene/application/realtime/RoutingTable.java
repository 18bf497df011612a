package io.convene.application.realtime;

import java.time.Clock;
import java.util.List;

/**
 * The routing table of {@link EventRouting} without a running application, for the tests of the
 * AsyncAPI document: building it reads nothing (its collaborators are only used when an event is
 * routed), so none is given. In this package because {@code EventRouting}'s constructor is Spring's.
 */
public final class RoutingTable {

    private RoutingTable() {}

    public static List<EventRouting.Route> routes() {
        return new EventRouting(null, null, null, null, Clock.systemUTC()).routes();
    }
}
