package io.convene.app.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.convene.api.asyncapi.AsyncApiDocument;
import io.convene.application.realtime.RoutingTable;
import io.convene.application.realtime.SocketContract;
import io.convene.domain.event.EventTypes;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * The contract as the product has it, for the document tests: the event types of the main code (the
 * tests' own event family, {@code TestEvent}, is on the test classpath too and is left out), the
 * socket contract, the routing table, the default topic. And the document's YAML, as committed.
 */
final class ProductContract {

    /** The repository's root (Surefire runs in app/). */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path DOCUMENT = ROOT.resolve("docs/asyncapi.yaml");
    static final Path EVENTS_DOC = ROOT.resolve("docs/events.md");
    static final String TOPIC = "convene.events";
    static final String REGENERATE = "./mvnw -B -ntp -q -pl app -am verify -Dtest='AsyncApiDocumentTest,EventsDocTest' "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true -Dasyncapi.write=true";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();

    private ProductContract() {}

    static List<EventTypes.Type> eventTypes() {
        return EventTypes.all().types().stream().filter(type -> !isTestCode(type.record())).toList();
    }

    static AsyncApiDocument.Contract contract() {
        return new AsyncApiDocument.Contract(TOPIC, eventTypes(), SocketContract.all(), RoutingTable.routes());
    }

    static ObjectNode document() {
        return AsyncApiDocument.generate(contract());
    }

    static String yaml(JsonNode document) {
        try {
            return "# Generated from the code (api/asyncapi/AsyncApiDocument): do not edit. Served at /asyncapi.json.\n"
                    + "# Regenerate: " + REGENERATE + "\n"
                    + YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isTestCode(Class<?> type) {
        URL location = type.getProtectionDomain().getCodeSource().getLocation();
        return location != null && location.getPath().contains("/test-classes/");
    }
}
