package io.convene.app.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.convene.api.asyncapi.AsyncApiDocument;
import io.convene.application.realtime.EventRouting;
import io.convene.application.realtime.RoutingTable;
import io.convene.application.realtime.SocketContract;
import io.convene.application.realtime.SocketMessage;
import io.convene.application.realtime.SocketMessage.Direction;
import io.convene.domain.event.EventTypes;
import io.convene.domain.meeting.MeetingEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml is what the code makes, is valid AsyncAPI 3.0, and has every event type and
 * every socket message with its schema — and nothing else. {@code -Dasyncapi.write=true} rewrites
 * the file (docs/events.md says the command).
 */
class AsyncApiDocumentTest {

    /**
     * The server → client messages no route produces: the gateway sends them itself. The digest
     * ({@code SocketGateway.presenceDigest}) sends {@code presence:bulk_update}; a socket that
     * connects gets its rings, reminders and own presence ({@code SocketSessions.connected}).
     */
    static final Set<String> SENT_BY_THE_GATEWAY = Set.of("presence:bulk_update", "call:incoming", "meeting:reminder",
            "presence:update", "meeting:participants-info", "meeting:info", "meeting:participant_count", "auth:expired");

    private static final ObjectMapper JACKSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS); // as the outbox and the gateway write

    private final ObjectNode document = ProductContract.document();

    @Test
    void the_committed_document_is_the_one_the_code_makes() throws IOException {
        String generated = ProductContract.yaml(document);
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(ProductContract.DOCUMENT, generated);
        }
        String committed = Files.exists(ProductContract.DOCUMENT) ? Files.readString(ProductContract.DOCUMENT) : "";

        if (!committed.equals(generated)) {
            fail("docs/asyncapi.yaml is not what the code makes:\n" + Diff.hint(committed, generated)
                    + "\nRegenerate it (and check the diff): " + ProductContract.REGENERATE);
        }
    }

    @Test
    void the_committed_document_is_valid_for_the_asyncapi_parser() {
        AsyncApiParser.Result result = AsyncApiParser.parse(ProductContract.DOCUMENT);

        assertThat(result.errors()).as(result.output()).isEmpty();
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.parsed()).as(result.output()).isNotNull();
        assertThat(result.parsed().path("version").asText()).isEqualTo("3.0.0");
        assertThat(result.parsed().path("messages").asInt())
                .isEqualTo(ProductContract.eventTypes().size() + SocketContract.all().size() + 1); // + the ack
    }

    @Test
    void every_event_type_is_a_message_of_the_topic_with_its_data_schema_and_there_is_no_other() {
        List<EventTypes.Type> types = ProductContract.eventTypes();
        JsonNode channel = document.path("channels").path(AsyncApiDocument.EVENTS_CHANNEL);

        assertThat(channel.path("address").asText()).isEqualTo(ProductContract.TOPIC);
        assertThat(names(channel.path("messages"))).isEqualTo(types.stream().map(EventTypes.Type::name)
                .collect(Collectors.toCollection(TreeSet::new)));
        for (EventTypes.Type type : types) {
            JsonNode message = resolve(channel.path("messages").path(type.name()));
            assertThat(message.path("name").asText()).isEqualTo(type.name());
            assertThat(message.path("x-version").asInt()).isEqualTo(type.version());
            assertThat(message.path("x-webhook").asBoolean()).as(type.name()).isEqualTo(type.webhook());
            JsonNode envelope = message.path("payload").path("allOf");
            assertThat(resolve(envelope.path(0)).path("required").toString()).contains("\"data\"", "\"subject\"");
            assertThat(envelope.path(1).path("properties").path("type").path("const").asText()).isEqualTo(type.name());
            assertSchemaNamesTheFieldsJacksonWrites(type.name(), envelope.path(1).path("properties").path("data"),
                    type.record());
        }
    }

    @Test
    void every_socket_message_is_a_message_of_the_namespace_with_its_payload_schema_and_there_is_no_other() {
        JsonNode channel = document.path("channels").path(AsyncApiDocument.SOCKET_CHANNEL);
        Set<String> contract = new TreeSet<>();
        SocketContract.all().forEach(message -> contract.add(AsyncApiDocument.channelMessageId(message)));
        contract.add("ack");

        assertThat(names(channel.path("messages"))).isEqualTo(contract);
        for (SocketMessage<?> socket : SocketContract.all()) {
            JsonNode message = resolve(channel.path("messages").path(AsyncApiDocument.channelMessageId(socket)));
            boolean out = socket.direction() == Direction.TO_CLIENT;
            assertThat(message.path("name").asText()).isEqualTo(socket.name());
            assertThat(message.path(out ? "x-audience" : "x-ack").asText()).isEqualTo(socket.audience());
            assertSchemaNamesTheFieldsJacksonWrites(socket.name(), message.path("payload"), socket.payload());
            JsonNode operation = operationOf(AsyncApiDocument.channelMessageId(socket));
            assertThat(operation.path("action").asText()).as(socket.name()).isEqualTo(out ? "send" : "receive");
            assertThat(operation.has("reply")).as(socket.name() + " is answered with an ack").isEqualTo(!out);
        }
        assertThat(names(document.path("components").path("messages")))
                .hasSize(ProductContract.eventTypes().size() + SocketContract.all().size() + 1);
    }

    @Test
    void a_socket_message_names_the_domain_events_the_routing_table_makes_it_of() {
        for (EventRouting.Route route : RoutingTable.routes()) {
            String type = EventTypes.all().of(route.event()).name();
            for (SocketMessage<?> socket : route.messages()) {
                JsonNode message = resolve(document.path("channels").path(AsyncApiDocument.SOCKET_CHANNEL)
                        .path("messages").path(AsyncApiDocument.channelMessageId(socket)));
                assertThat(message.path("x-domain-events").toString()).as(socket.name()).contains("\"" + type + "\"");
                assertThat(resolve(document.path("channels").path(AsyncApiDocument.EVENTS_CHANNEL).path("messages")
                        .path(type)).path("x-socket-messages").toString()).contains("\"" + socket.name() + "\"");
            }
        }
    }

    @Test
    void every_message_a_route_produces_is_in_the_socket_contract_and_goes_to_clients() {
        List<String> outside = new ArrayList<>();
        for (EventRouting.Route route : RoutingTable.routes()) {
            for (SocketMessage<?> message : route.messages()) {
                if (!SocketContract.all().contains(message) || message.direction() != Direction.TO_CLIENT) {
                    outside.add(route.event().getSimpleName() + " → " + message.name());
                }
            }
        }

        assertThat(outside).isEmpty();
    }

    @Test
    void every_server_message_is_routed_or_sent_by_the_gateway_itself() {
        Set<String> routed = new TreeSet<>();
        RoutingTable.routes().forEach(route -> route.messages().forEach(message -> routed.add(message.name())));
        Set<String> toClients = new TreeSet<>();
        SocketContract.all().stream().filter(m -> m.direction() == Direction.TO_CLIENT).forEach(m -> toClients.add(m.name()));

        Set<String> neither = new TreeSet<>(toClients);
        neither.removeAll(routed);
        neither.removeAll(SENT_BY_THE_GATEWAY);
        assertThat(neither).as("server → client messages nothing sends").isEmpty();
        assertThat(toClients).containsAll(SENT_BY_THE_GATEWAY);
        assertThat(sentOutsideTheRoutingTable()).as("messages the gateway sends itself (keep SENT_BY_THE_GATEWAY true)")
                .isEqualTo(new TreeSet<>(SENT_BY_THE_GATEWAY));
    }

    @Test
    void a_field_may_be_null_unless_primitive_every_field_is_required_and_value_types_are_their_value() {
        JsonNode created = schema(MeetingEvent.Created.class);
        JsonNode cleanedUp = schema(MeetingEvent.CleanedUp.class);

        assertThat(created.path("required").toString()).isEqualTo(
                "[\"meetingId\",\"title\",\"startTime\",\"endTime\",\"createdBy\",\"participantIds\"]");
        assertThat(created.path("properties").path("meetingId").path("type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(created.path("properties").path("startTime").path("format").asText()).isEqualTo("date-time");
        assertThat(created.path("properties").path("participantIds").path("items").path("type").asText()).isEqualTo("string");
        assertThat(cleanedUp.path("properties").path("isInstantCall").path("type").asText()).isEqualTo("boolean");
    }

    // ---- helpers

    /** The schema's properties, all required, are the names Jackson writes for a filled record. */
    private void assertSchemaNamesTheFieldsJacksonWrites(String what, JsonNode reference, Class<?> record) {
        JsonNode schema = resolve(reference);
        assertThat(schema.isMissingNode()).as(what + ": " + reference).isFalse();
        Set<String> written = new LinkedHashSet<>();
        JACKSON.valueToTree(Samples.of(record)).fieldNames().forEachRemaining(written::add);
        Set<String> properties = new LinkedHashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));

        assertThat(properties).as(what + ": the schema's properties").containsExactlyElementsOf(written);
        assertThat(required).as(what + ": required").containsExactlyElementsOf(written);
    }

    private JsonNode schema(Class<?> record) {
        String name = record.getEnclosingClass().getSimpleName() + "." + record.getSimpleName();
        return document.path("components").path("schemas").path(name);
    }

    private JsonNode operationOf(String socketName) {
        List<JsonNode> found = new ArrayList<>();
        document.path("operations").forEach(operation -> {
            if (operation.path("channel").toString().contains("/channels/" + AsyncApiDocument.SOCKET_CHANNEL + "\"")
                    && operation.path("messages").toString().contains("/messages/" + socketName + "\"")) {
                found.add(operation);
            }
        });
        assertThat(found).as("the operation of " + socketName).hasSize(1);
        return found.get(0);
    }

    /** Follows {@code $ref}s inside the document (its JSON pointers). */
    private JsonNode resolve(JsonNode node) {
        JsonNode at = node;
        while (at.has("$ref")) {
            String ref = at.path("$ref").asText();
            assertThat(ref).startsWith("#/");
            at = document.at(ref.substring(1));
        }
        return at;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The server → client messages whose constant a class other than the contract and the routing table reads. */
    private static Set<String> sentOutsideTheRoutingTable() {
        JavaClass contract = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.convene.application", "io.convene.api").get(SocketContract.class);
        Set<String> sent = new TreeSet<>();
        for (SocketMessage<?> message : SocketContract.all()) {
            if (message.direction() != Direction.TO_CLIENT) {
                continue;
            }
            JavaField field = contract.getFields().stream().filter(f -> constant(f) == message).findFirst().orElseThrow();
            boolean outside = field.getAccessesToSelf().stream().map(access -> access.getOriginOwner().getName())
                    .anyMatch(owner -> !owner.equals(SocketContract.class.getName())
                            && !owner.startsWith(EventRouting.class.getName()));
            if (outside) {
                sent.add(message.name());
            }
        }
        return sent;
    }

    private static Object constant(JavaField field) {
        try {
            return field.reflect().get(null);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }
}
