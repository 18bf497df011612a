package io.convene.integration.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.convene.domain.calllog.Contact;
import io.convene.domain.calllog.ContactDirectory;
import io.convene.domain.calllog.ContactDirectoryUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WireMock plays the CRM's contact API: GET /api/contacts/by-phone/{e164}. */
class HttpContactDirectoryTest {

    private static final String PATH = "/api/contacts/by-phone/%2B493012345678";

    private final WireMockServer crm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private ContactDirectory contacts;

    @BeforeEach
    void startCrm() {
        crm.start();
        contacts = new CrmConfiguration().contactDirectory(
                new CrmProperties("http://127.0.0.1:" + crm.port() + "/", "crm-token", Duration.ofSeconds(2)));
    }

    @AfterEach
    void stopCrm() {
        crm.stop();
    }

    @Test
    void a_known_number_is_the_crms_contact_asked_with_its_plus_encoded_and_the_token() {
        crm.stubFor(get(urlEqualTo(PATH)).willReturn(okJson("{\"id\": 42, \"name\": \"Erika Mustermann\", \"company\": \"X\"}")));

        assertThat(contacts.configured()).isTrue();
        assertThat(contacts.findByNumber("+493012345678")).contains(new Contact("42", "Erika Mustermann"));
        crm.verify(getRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer crm-token")));
    }

    @Test
    void an_unknown_number_is_no_contact() {
        crm.stubFor(get(urlEqualTo(PATH)).willReturn(notFound()));

        assertThat(contacts.findByNumber("+493012345678")).isEmpty();
    }

    @Test
    void a_failing_slow_or_nonsensical_crm_is_unavailable() {
        crm.stubFor(get(urlEqualTo(PATH)).willReturn(serverError()));
        assertThatThrownBy(() -> contacts.findByNumber("+493012345678"))
                .isInstanceOf(ContactDirectoryUnavailableException.class).hasMessageContaining("500");

        crm.stubFor(get(urlEqualTo(PATH)).willReturn(okJson("{\"id\": \"1\", \"name\": \"Late\"}").withFixedDelay(4_000)));
        assertThatThrownBy(() -> contacts.findByNumber("+493012345678"))
                .isInstanceOf(ContactDirectoryUnavailableException.class);

        crm.stubFor(get(urlEqualTo(PATH)).willReturn(okJson("[1, 2]")));
        assertThatThrownBy(() -> contacts.findByNumber("+493012345678"))
                .isInstanceOf(ContactDirectoryUnavailableException.class).hasMessageContaining("id and name");
    }

    @Test
    void without_a_crm_nobody_is_known_and_nothing_is_asked() {
        ContactDirectory none = new CrmConfiguration().contactDirectory(new CrmProperties("", null, Duration.ofSeconds(1)));

        assertThat(none.configured()).isFalse();
        assertThat(none.findByNumber("+493012345678")).isEmpty();
        assertThat(crm.getAllServeEvents()).isEmpty();
    }
}
