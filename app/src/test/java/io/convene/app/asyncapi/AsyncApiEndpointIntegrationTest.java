package io.convene.app.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.api.asyncapi.AsyncApiDocument;
import io.convene.app.support.StackTestBase;
import io.convene.application.realtime.EventRouting;
import io.convene.application.realtime.SocketContract;
import io.convene.domain.event.EventTypes;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** {@code GET /asyncapi.json}: open like the OpenAPI document, valid, and made from this node's code. */
class AsyncApiEndpointIntegrationTest extends StackTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EventRouting routing;
    @Value("${convene.events.topic:convene.events}")
    String topic;

    @Test
    void the_document_is_served_without_a_token_and_the_asyncapi_parser_finds_no_error() throws Exception {
        HttpResponse<String> served = get("/asyncapi.json", null);

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        Path file = Files.createTempFile("asyncapi", ".json");
        try {
            Files.writeString(file, served.body());
            AsyncApiParser.Result result = AsyncApiParser.parse(file);
            assertThat(result.errors()).as(result.output()).isEmpty();
            assertThat(result.parsed()).as(result.output()).isNotNull();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void it_is_the_document_of_the_running_routing_table_and_topic() throws Exception {
        JsonNode served = JSON.readTree(get("/asyncapi.json", null).body());

        assertThat(served).isEqualTo(AsyncApiDocument.generate(new AsyncApiDocument.Contract(topic,
                EventTypes.all().types(), SocketContract.all(), routing.routes())));
        assertThat(served.at("/channels/events/address").asText()).isEqualTo(topic);
        assertThat(served.at("/channels/socket/messages").has("meeting:created")).isTrue();
    }
}
