package io.convene.app.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.convene.application.realtime.EventRouting;
import io.convene.application.realtime.RoutingTable;
import io.convene.application.realtime.SocketContract;
import io.convene.application.realtime.SocketMessage;
import io.convene.application.realtime.SocketMessage.Direction;
import io.convene.domain.event.EventTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/events.md is true of the code: its domain-event table is made from the event records (and
 * rewritten by {@code -Dasyncapi.write=true}), its socket tables and its webhook catalogue are written
 * by hand and checked — every name in them exists, and every event type, socket message and webhook
 * type is in them.
 */
class EventsDocTest {

    static final String BEGIN = "<!-- domain-events: made by EventsDocTest from the event records; do not edit -->";
    static final String END = "<!-- /domain-events -->";

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z_]+(\\.[a-z_]+)+");
    private static final ObjectMapper JACKSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    @Test
    void the_domain_event_table_is_the_one_the_event_records_make() throws IOException {
        String doc = Files.readString(ProductContract.EVENTS_DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/events.md has the markers of the domain-event table").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String made = doc.substring(0, begin + BEGIN.length()) + "\n" + domainEventTable() + doc.substring(end);
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(ProductContract.EVENTS_DOC, made);
            doc = made;
        }

        if (!doc.equals(made)) {
            fail("docs/events.md's domain-event table is not what the event records make:\n" + Diff.hint(doc, made)
                    + "\nRegenerate it: " + ProductContract.REGENERATE);
        }
    }

    @Test
    void the_server_to_client_table_has_every_message_the_server_sends_and_no_other() throws IOException {
        Set<String> documented = new TreeSet<>();
        rows("## Server → client").forEach(row -> documented.addAll(socketNames(row.get(0))));
        Set<String> sent = names(Direction.TO_CLIENT);

        assertThat(documented).isEqualTo(sent);
    }

    @Test
    void the_server_to_client_table_names_the_domain_events_each_message_is_sent_for() throws IOException {
        Map<String, Set<String>> documented = new TreeMap<>();
        for (List<String> row : rows("## Server → client")) {
            Set<String> events = eventTypeNames(row.get(1));
            socketNames(row.get(0)).forEach(name -> documented.computeIfAbsent(name, n -> new TreeSet<>()).addAll(events));
        }
        Map<String, Set<String>> routed = new TreeMap<>();
        names(Direction.TO_CLIENT).forEach(name -> routed.put(name, new TreeSet<>()));
        for (EventRouting.Route route : RoutingTable.routes()) {
            String type = EventTypes.all().of(route.event()).name();
            route.messages().forEach(message -> routed.get(message.name()).add(type));
        }

        List<String> differ = new ArrayList<>();
        routed.forEach((name, events) -> {
            if (!events.equals(documented.getOrDefault(name, Set.of()))) {
                differ.add(name + ": the doc says " + documented.getOrDefault(name, Set.of()) + ", the routing " + events);
            }
        });
        assertThat(differ).isEmpty();
    }

    @Test
    void the_client_to_server_table_has_every_event_the_server_answers_and_no_other() throws IOException {
        Set<String> documented = new TreeSet<>();
        rows("## Client → server").forEach(row -> documented.addAll(socketNames(row.get(0))));

        assertThat(documented).isEqualTo(names(Direction.FROM_CLIENT));
    }

    @Test
    void the_webhook_catalogue_is_the_webhook_types() throws IOException {
        Set<String> documented = new TreeSet<>();
        rows("## Webhooks").forEach(row -> documented.addAll(eventTypeNames(row.get(0))));
        Set<String> webhook = new TreeSet<>();
        ProductContract.eventTypes().stream().filter(EventTypes.Type::webhook).forEach(t -> webhook.add(t.name()));

        assertThat(documented).isEqualTo(webhook);
    }

    // ---- the table made from the records

    static String domainEventTable() {
        Map<String, Set<String>> socket = new TreeMap<>();
        for (EventRouting.Route route : RoutingTable.routes()) {
            Set<String> messages = socket.computeIfAbsent(EventTypes.all().of(route.event()).name(), t -> new LinkedHashSet<>());
            route.messages().forEach(message -> messages.add(message.name()));
        }
        StringBuilder table = new StringBuilder("""
                | type | v | webhook | what happened | data | socket messages |
                |---|---|---|---|---|---|
                """);
        for (EventTypes.Type type : ProductContract.eventTypes()) {
            List<String> fields = new ArrayList<>();
            JACKSON.valueToTree(Samples.of(type.record())).fieldNames().forEachRemaining(fields::add);
            Set<String> messages = socket.getOrDefault(type.name(), Set.of());
            table.append("| `").append(type.name()).append("` | ").append(type.version()).append(" | ")
                    .append(type.webhook() ? "yes" : "").append(" | ").append(type.description().replace("|", "\\|"))
                    .append(" | `{").append(String.join(", ", fields)).append("}` | ")
                    .append(messages.isEmpty() ? "" : "`" + String.join("`, `", messages) + "`").append(" |\n");
        }
        return table.toString();
    }

    // ---- reading the doc's tables

    /** The body rows of the first table under {@code heading}, split into cells (an escaped {@code \|} stays). */
    private static List<List<String>> rows(String heading) throws IOException {
        List<String> lines = Files.readAllLines(ProductContract.EVENTS_DOC);
        int at = -1;
        for (int i = 0; i < lines.size() && at < 0; i++) {
            at = lines.get(i).startsWith(heading) ? i : -1;
        }
        assertThat(at).as("docs/events.md has a section " + heading).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i);
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            List<String> cells = List.of(line.substring(1).split("(?<!\\\\)\\|", -1));
            if (!cells.get(0).isBlank() && !cells.get(0).contains("---")) {
                rows.add(cells);
            }
        }
        assertThat(rows).as("the table under " + heading).isNotEmpty();
        return rows.subList(1, rows.size()); // the header row
    }

    private static Set<String> socketNames(String cell) {
        Set<String> names = new TreeSet<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            // seed 002's names have a colon; seed 001's banner is named like an event type (call.started)
            if (code.group(1).matches("[a-z_]+:[a-z_-]+") || SocketContract.all().stream()
                    .anyMatch(message -> message.name().equals(code.group(1)))) {
                names.add(code.group(1));
            }
        }
        return names;
    }

    /** The event type names in a cell; a name that looks like one but is none fails. */
    private static Set<String> eventTypeNames(String cell) {
        Set<String> names = new TreeSet<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            String name = code.group(1);
            if (EVENT_TYPE.matcher(name).matches()) {
                assertThat(EventTypes.all().named(name)).as("docs/events.md names `" + name + "`, no event type").isPresent();
                names.add(name);
            }
        }
        return names;
    }

    private static Set<String> names(Direction direction) {
        Set<String> names = new TreeSet<>();
        for (SocketMessage<?> message : SocketContract.all()) {
            if (message.direction() == direction) {
                names.add(message.name());
            }
        }
        return names;
    }
}
