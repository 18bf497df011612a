package io.convene.integration.crm;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.domain.calllog.Contact;
import io.convene.domain.calllog.ContactDirectory;
import io.convene.domain.calllog.ContactDirectoryUnavailableException;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.Optional;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The CRM's contacts over HTTP (docs/softphone.md, "The CRM's contact API"):
 * {@code GET {CONVENE_CRM_URL}/api/contacts/by-phone/%2B493012345678} (the E.164 number, its "+"
 * percent-encoded) answers 200 with
 * {@code {"id": …, "name": …}}, or 404 when no contact has the number. Anything else — another
 * status, no answer within the timeout, a body without id and name — is
 * {@link ContactDirectoryUnavailableException}; the call rings without a contact.
 */
final class HttpContactDirectory implements ContactDirectory {

    static final String BY_PHONE = "/api/contacts/by-phone/{number}";
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{1,14}$");

    private final RestClient crm;
    private final String baseUrl;

    HttpContactDirectory(RestClient crm, String baseUrl) {
        this.crm = crm;
        this.baseUrl = baseUrl;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public Optional<Contact> findByNumber(String e164) {
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
        // one path segment, "+" percent-encoded: %2B4930123456
        URI uri = URI.create(baseUrl + BY_PHONE.replace("{number}", "%2B" + e164.substring(1)));
        String what = "GET " + uri;
        JsonNode body;
        try {
            body = crm.get().uri(uri).accept(MediaType.APPLICATION_JSON).exchange((request, response) -> {
                HttpStatusCode status = response.getStatusCode();
                if (status.value() == 404) {
                    return null;
                }
                if (!status.is2xxSuccessful()) {
                    throw new ContactDirectoryUnavailableException("the CRM answered " + status.value() + " to " + what);
                }
                return response.bodyTo(JsonNode.class);
            });
        } catch (RestClientException e) {
            throw new ContactDirectoryUnavailableException("the CRM did not answer " + what + ": " + e.getMessage(), e);
        }
        if (body == null) {
            return Optional.empty();
        }
        JsonNode id = body.get("id");
        JsonNode name = body.get("name");
        if (id == null || !id.isValueNode() || id.asText().isBlank() || name == null || !name.isTextual()) {
            throw new ContactDirectoryUnavailableException("the CRM answered " + what + " without a contact's id and name");
        }
        return Optional.of(new Contact(cut(id.asText(), 200), cut(name.asText(), 200)));
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
