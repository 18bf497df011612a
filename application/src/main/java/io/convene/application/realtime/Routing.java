package io.convene.application.realtime;

import java.util.List;

/**
 * What the gateway does with one domain event: the room changes first (a user's sockets join
 * or leave a meeting's room), then the deliveries, then the sockets of the {@code closing} rooms
 * are disconnected (a removed guest's).
 */
public record Routing(List<Membership> memberships, List<Delivery> deliveries, List<String> closing) {

    public Routing(List<Membership> memberships, List<Delivery> deliveries) {
        this(memberships, deliveries, List.of());
    }

    /** The sockets of {@code userId} join ({@code join}) or leave the room {@code room}. */
    public record Membership(String userId, String room, boolean join) {}

    public static final Routing NONE = new Routing(List.of(), List.of());

    public boolean isEmpty() {
        return memberships.isEmpty() && deliveries.isEmpty() && closing.isEmpty();
    }
}
