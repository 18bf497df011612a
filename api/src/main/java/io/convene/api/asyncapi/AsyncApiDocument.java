package io.convene.api.asyncapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convene.application.realtime.EventRouting;
import io.convene.application.realtime.SocketMessage;
import io.convene.application.realtime.SocketMessage.Direction;
import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The AsyncAPI 3.0 document of Convene's two asynchronous channels, made from the code: the Kafka
 * topic (one CloudEvents message per domain event type of {@link EventTypes}) and the Socket.IO
 * default namespace (every message of {@code SocketContract}, with who receives it and, from the
 * routing table, the domain events that produce it). No Spring in here: the endpoint serves it, a
 * test compares it with docs/asyncapi.yaml.
 *
 * <p>The document describes the server: {@code send} is what Convene sends (events to Kafka, socket
 * messages to clients), {@code receive} what it receives (the client's socket events, each answered
 * with an acknowledgement: the operation's {@code reply}).
 */
public final class AsyncApiDocument {

    /** What the document is made of. */
    public record Contract(String topic, List<EventTypes.Type> events, List<SocketMessage<?>> socketMessages,
                           List<EventRouting.Route> routes) {}

    public static final String EVENTS_CHANNEL = "events";
    public static final String SOCKET_CHANNEL = "socket";
    static final String ACK = "ack";
    private static final String CLOUD_EVENT = "CloudEvent";
    private static final String SOCKET_ACK = "SocketAck";
    private static final String SOCKET_PROBLEM = "SocketProblem";
    private static final String CLOUD_EVENT_TRAIT = "cloudEvent";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Contract contract;
    private final PayloadSchemas schemas = new PayloadSchemas();
    private final Map<String, ObjectNode> messages = new TreeMap<>();
    /** Socket message name → the event types routed to it; event type → its socket messages. */
    private final Map<String, Set<String>> producedBy = new HashMap<>();
    private final Map<String, Set<String>> produces = new HashMap<>();

    private AsyncApiDocument(Contract contract) {
        this.contract = contract;
    }

    /** The document as a JSON tree, its keys in a stable order (so its YAML diffs stay small). */
    public static ObjectNode generate(Contract contract) {
        return new AsyncApiDocument(contract).build();
    }

    /** The key of an event type's message under {@code #/components/messages}: the type name. */
    public static String eventMessageKey(String type) {
        return type;
    }

    /** The key of a socket message under {@code #/components/messages}: {@code meeting:created} → {@code socket.meeting.created}. */
    public static String socketMessageKey(String name) {
        return "socket." + name.replaceAll("[^A-Za-z0-9_.-]", ".");
    }

    /**
     * A socket message's id in the channel: its name, and for what a client sends {@code client.} and
     * its name — seed 002 names one event both ways ({@code meeting:register-participant}: the client
     * registers, the server echoes it to the others).
     */
    public static String channelMessageId(SocketMessage<?> message) {
        return message.direction() == Direction.TO_CLIENT ? message.name() : "client." + message.name();
    }

    private ObjectNode build() {
        readRoutes();
        ObjectNode document = NODES.objectNode();
        document.put("asyncapi", "3.0.0");
        document.set("info", info());
        document.put("defaultContentType", "application/json");
        document.set("servers", servers());
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        eventsChannel(channels, operations);
        socketChannel(channels, operations);
        ObjectNode components = document.putObject("components");
        Map<String, ObjectNode> allSchemas = new TreeMap<>(schemas.definitions());
        putOnce(allSchemas, CLOUD_EVENT, cloudEventSchema());
        putOnce(allSchemas, SOCKET_ACK, ackSchema());
        putOnce(allSchemas, SOCKET_PROBLEM, problemSchema());
        allSchemas.forEach(components.putObject("schemas")::set);
        components.putObject("messageTraits").set(CLOUD_EVENT_TRAIT, cloudEventTrait());
        messages.forEach(components.putObject("messages")::set);
        return document;
    }

    private void readRoutes() {
        Map<Class<? extends DomainEvent>, String> names = new HashMap<>();
        contract.events().forEach(type -> names.put(type.record(), type.name()));
        Set<String> socketNames = new LinkedHashSet<>();
        contract.socketMessages().forEach(message -> socketNames.add(message.name()));
        for (EventRouting.Route route : contract.routes()) {
            String type = names.get(route.event());
            if (type == null) {
                throw new IllegalStateException("routed, but not an event type: " + route.event().getName());
            }
            for (SocketMessage<?> message : route.messages()) {
                if (!socketNames.contains(message.name())) {
                    throw new IllegalStateException(type + " is routed to " + message.name() + ", not in the socket contract");
                }
                producedBy.computeIfAbsent(message.name(), m -> new LinkedHashSet<>()).add(type);
                produces.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(message.name());
            }
        }
    }

    private static ObjectNode info() {
        ObjectNode info = NODES.objectNode();
        info.put("title", "Convene events");
        info.put("version", "v1");
        info.put("description", """
                Convene's two asynchronous channels: the domain events on Kafka and the Socket.IO namespace \
                of the portal's clients. Generated from the code (the event records, `SocketContract`, \
                the routing table `EventRouting`); served at `/asyncapi.json`, committed as \
                `docs/asyncapi.yaml`; docs/events.md tells the rest.

                **Point of view:** this document describes Convene, the server. `send` is what Convene \
                sends: each domain event to the topic (the outbox relay), socket messages to clients (the \
                gateway). `receive` is what it receives: the events a client emits on its socket, each \
                answered with a Socket.IO acknowledgement (the operation's `reply`).

                **Nulls:** every property of a payload is always present, an optional one as `null` (never \
                left out): each schema lists all its properties as `required`, and one that may be null \
                has `null` among its types. Numbers and booleans are never null. Readers ignore \
                properties and event types they do not know.""");
        return info;
    }

    private static ObjectNode servers() {
        ObjectNode servers = NODES.objectNode();
        ObjectNode kafka = servers.putObject("kafka");
        kafka.put("host", "localhost:9092");
        kafka.put("protocol", "kafka");
        kafka.put("description", "The brokers of the events topic: here the embedded default's (`bin/convene`); "
                + "a deployment's are its `spring.kafka.bootstrap-servers`.");
        ObjectNode realtime = servers.putObject("realtime");
        realtime.put("host", "localhost:8081");
        realtime.put("pathname", "/socket.io");
        realtime.put("protocol", "ws");
        realtime.put("description", "The Socket.IO v4 gateway (Engine.IO 4: WebSocket, or HTTP long-polling) on "
                + "its own port (`CONVENE_REALTIME_PORT`, default 8081), path `/socket.io`. A socket authenticates "
                + "with the handshake's `auth: {token}`: a Keycloak access token of the realm, or a guest credential "
                + "(`cvg_…`: its socket hears the guest's messages only). A refused handshake gets `connect_error` "
                + "with `data.code` `unauthorized`.");
        return servers;
    }

    // ---- the Kafka topic

    private void eventsChannel(ObjectNode channels, ObjectNode operations) {
        ObjectNode channel = channels.putObject(EVENTS_CHANNEL);
        channel.put("address", contract.topic());
        channel.put("title", "Domain events");
        channel.put("description", "Every domain event once its change committed (the transactional outbox), as "
                + "a CloudEvent 1.0 in structured mode: the record's value is the JSON envelope, its `type` the "
                + "event type, its `data` the event's record. The Kafka key is the event's `subject` (a meeting's "
                + "or call's id, else a user's, a webhook's, …): the events of one subject stay in order. "
                + "Property `convene.events.topic`.");
        channel.putArray("servers").add(ref("#/servers/kafka"));
        ObjectNode channelMessages = channel.putObject("messages");
        ObjectNode operation = operations.putObject("publishEvents");
        operation.put("action", "send");
        operation.set("channel", ref("#/channels/" + EVENTS_CHANNEL));
        operation.put("summary", "The outbox relay publishes each committed domain event, at once (one written for "
                + "a later time, at that time).");
        ArrayNode operationMessages = operation.putArray("messages");
        for (EventTypes.Type type : contract.events()) {
            String key = eventMessageKey(type.name());
            putOnce(messages, key, eventMessage(type));
            channelMessages.set(type.name(), ref("#/components/messages/" + pointer(key)));
            operationMessages.add(ref("#/channels/" + EVENTS_CHANNEL + "/messages/" + pointer(type.name())));
        }
    }

    private ObjectNode eventMessage(EventTypes.Type type) {
        ObjectNode message = NODES.objectNode();
        message.put("name", type.name());
        message.put("title", type.name() + " v" + type.version());
        message.put("summary", type.description());
        Set<String> socket = produces.getOrDefault(type.name(), Set.of());
        message.put("description", (type.webhook() ? "Webhooks may subscribe to it." : "Not a webhook type.")
                + (socket.isEmpty() ? " Pushed to no socket." : " Pushed to sockets as " + codes(socket) + "."));
        ArrayNode tags = message.putArray("tags");
        tags.addObject().put("name", type.family());
        if (type.webhook()) {
            tags.addObject().put("name", "webhook");
        }
        message.putArray("traits").add(ref("#/components/messageTraits/" + CLOUD_EVENT_TRAIT));
        ObjectNode payload = message.putObject("payload");
        ArrayNode allOf = payload.putArray("allOf");
        allOf.add(ref("#/components/schemas/" + CLOUD_EVENT));
        ObjectNode specific = allOf.addObject();
        ObjectNode properties = specific.put("type", "object").putObject("properties");
        properties.putObject("type").put("const", type.name());
        properties.set("data", schemas.reference(type.record()));
        message.put("x-version", type.version());
        message.put("x-webhook", type.webhook());
        ArrayNode toSocket = message.putArray("x-socket-messages");
        socket.forEach(toSocket::add);
        return message;
    }

    private static ObjectNode cloudEventTrait() {
        ObjectNode trait = NODES.objectNode();
        trait.put("contentType", "application/cloudevents+json");
        ObjectNode kafka = trait.putObject("bindings").putObject("kafka");
        kafka.putObject("key").put("type", "string")
                .put("description", "The event's subject (as the envelope's `subject`): its events stay in order.");
        kafka.put("bindingVersion", "0.5.0");
        return trait;
    }

    private static ObjectNode cloudEventSchema() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.put("description", "The CloudEvents 1.0 envelope, JSON format, structured mode.");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("specversion").put("type", "string").put("const", "1.0");
        properties.putObject("id").put("type", "string").put("format", "uuid")
                .put("description", "Unique per event (the outbox row's id): the idempotency key; a webhook "
                        + "delivery's `webhook-id` is `msg_<id>`.");
        properties.putObject("source").put("type", "string").put("format", "uri-reference")
                .put("description", "Property `convene.events.source` (default `urn:convene`).");
        properties.putObject("type").put("type", "string").put("description", "The event type (the message's name).");
        properties.putObject("subject").put("type", "string")
                .put("description", "What the event is about: a meeting's or call's id, else a user's, a webhook's, …; "
                        + "the Kafka key.");
        properties.putObject("time").put("type", "string").put("format", "date-time")
                .put("description", "When it happened (an event held for a later time: that time).");
        properties.putObject("datacontenttype").put("type", "string").put("const", "application/json");
        properties.putObject("data").put("description", "The event's record: the message's schema.");
        ArrayNode required = schema.putArray("required");
        List.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data")
                .forEach(required::add);
        return schema;
    }

    // ---- the Socket.IO namespace

    private void socketChannel(ObjectNode channels, ObjectNode operations) {
        ObjectNode channel = channels.putObject(SOCKET_CHANNEL);
        channel.put("address", "/");
        channel.put("title", "Socket.IO default namespace");
        channel.put("description", "Each message is a Socket.IO event: its name is the message's `name`, its one "
                + "argument the payload. Convene emits to rooms: `user:<id>` (every device of a user), "
                + "`meeting:<id>` (those in a meeting or call now), `guest:<sessionId>` (a guest's socket), "
                + "`presence:<id>` (who follows a user's presence). A client's event is answered with an "
                + "acknowledgement (`" + ACK + "`); an unknown one with a 400 problem.");
        channel.putArray("servers").add(ref("#/servers/realtime"));
        ObjectNode channelMessages = channel.putObject("messages");
        for (SocketMessage<?> message : contract.socketMessages()) {
            String key = socketMessageKey(channelMessageId(message));
            putOnce(messages, key, socketMessage(message));
            channelMessages.set(channelMessageId(message), ref("#/components/messages/" + pointer(key)));
            boolean out = message.direction() == Direction.TO_CLIENT;
            ObjectNode operation = NODES.objectNode();
            putOnce(operations, (out ? "socket.send." : "socket.receive.") + key.substring("socket.".length()), operation);
            operation.put("action", out ? "send" : "receive");
            operation.set("channel", ref("#/channels/" + SOCKET_CHANNEL));
            operation.put("summary", message.description());
            operation.putArray("messages").add(ref("#/channels/" + SOCKET_CHANNEL + "/messages/"
                    + pointer(channelMessageId(message))));
            if (!out) {
                ObjectNode reply = operation.putObject("reply");
                reply.set("channel", ref("#/channels/" + SOCKET_CHANNEL));
                reply.putArray("messages").add(ref("#/channels/" + SOCKET_CHANNEL + "/messages/" + ACK));
            }
        }
        String ackKey = socketMessageKey(ACK);
        putOnce(messages, ackKey, ackMessage());
        if (channelMessages.has(ACK)) {
            throw new IllegalStateException("a socket message is named " + ACK + ": the acknowledgement's name");
        }
        channelMessages.set(ACK, ref("#/components/messages/" + pointer(ackKey)));
    }

    private ObjectNode socketMessage(SocketMessage<?> socket) {
        ObjectNode message = NODES.objectNode();
        message.put("name", socket.name());
        message.put("summary", socket.description());
        boolean out = socket.direction() == Direction.TO_CLIENT;
        Set<String> events = producedBy.getOrDefault(socket.name(), Set.of());
        if (out) {
            message.put("description", "**To:** " + socket.audience() + "."
                    + (events.isEmpty() ? " Sent by the gateway itself, not for a domain event."
                    : " **For the domain events:** " + codes(events) + "."));
        } else {
            String answer = socket.audience().startsWith(ACK + ": ") ? socket.audience().substring(ACK.length() + 2)
                    : socket.audience();
            message.put("description", "**From:** the client. **Answered with an ack:** " + answer + ".");
        }
        int colon = socket.name().indexOf(':');
        if (colon > 0) {
            message.putArray("tags").addObject().put("name", socket.name().substring(0, colon));
        }
        message.set("payload", schemas.reference(socket.payload()));
        message.put("x-direction", out ? "server-to-client" : "client-to-server");
        message.put(out ? "x-audience" : "x-ack", socket.audience());
        if (out) {
            ArrayNode from = message.putArray("x-domain-events");
            events.forEach(from::add);
        }
        return message;
    }

    private static ObjectNode ackMessage() {
        ObjectNode message = NODES.objectNode();
        message.put("name", ACK);
        message.put("summary", "The answer to a client's event: its Socket.IO acknowledgement, not an event.");
        message.put("description", "`{ok: true, data}` (each event says what its `data` is) or `{ok: false, problem}` "
                + "with the REST twin's status and `error` code; a busy node answers 503 at once.");
        message.set("payload", ref("#/components/schemas/" + SOCKET_ACK));
        return message;
    }

    private static ObjectNode ackSchema() {
        ObjectNode schema = NODES.objectNode();
        ArrayNode oneOf = schema.putArray("oneOf");
        ObjectNode answered = oneOf.addObject().put("type", "object").put("title", "answered");
        answered.putArray("required").add("ok").add("data");
        ObjectNode answeredProperties = answered.putObject("properties");
        answeredProperties.putObject("ok").put("type", "boolean").put("const", true);
        answeredProperties.putObject("data").put("description", "What the event's answer is (see the event).");
        ObjectNode refused = oneOf.addObject().put("type", "object").put("title", "refused");
        refused.putArray("required").add("ok").add("problem");
        ObjectNode refusedProperties = refused.putObject("properties");
        refusedProperties.putObject("ok").put("type", "boolean").put("const", false);
        refusedProperties.set("problem", ref("#/components/schemas/" + SOCKET_PROBLEM));
        return schema;
    }

    private static ObjectNode problemSchema() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.put("description", "RFC 9457 problem details, as the REST API's.");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("type").put("type", "string");
        properties.putObject("status").put("type", "integer");
        properties.putObject("title").put("type", "string");
        properties.putObject("detail").putArray("type").add("string").add("null");
        properties.putObject("error").put("type", "string")
                .put("description", "A short code beside status: `invalid_request`, `not_found`, `forbidden`, `conflict`, …");
        ArrayNode required = schema.putArray("required");
        List.of("type", "status", "title", "detail", "error").forEach(required::add);
        return schema;
    }

    // ---- helpers

    private static ObjectNode ref(String target) {
        return NODES.objectNode().put("$ref", target);
    }

    /** A JSON pointer's token: {@code ~} and {@code /} escaped. */
    private static String pointer(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String codes(Set<String> names) {
        List<String> quoted = new ArrayList<>();
        names.forEach(name -> quoted.add("`" + name + "`"));
        return String.join(", ", quoted);
    }

    private static void putOnce(Map<String, ObjectNode> map, String key, ObjectNode value) {
        if (map.putIfAbsent(key, value) != null) {
            throw new IllegalStateException("two parts of the AsyncAPI document are named " + key);
        }
    }

    private static void putOnce(ObjectNode node, String key, ObjectNode value) {
        if (node.has(key)) {
            throw new IllegalStateException("two parts of the AsyncAPI document are named " + key);
        }
        node.set(key, value);
    }
}
