package io.convene.application.realtime;

/**
 * One message of the Socket.IO default namespace: its event name, who sends it, its payload's
 * record (its fields are the JSON payload), who receives it (server → client) or what answers it
 * (client → server), and what it means. {@link SocketContract} lists them all; the AsyncAPI
 * document is made from that list.
 */
public record SocketMessage<P>(String name, Direction direction, Class<P> payload, String audience,
                               String description) {

    /** Who sends it. */
    public enum Direction {
        /** The server emits it to the rooms of {@code audience}. */
        TO_CLIENT,
        /** The portal's client emits it; the server answers with an ack (and maybe an event). */
        FROM_CLIENT
    }
}
