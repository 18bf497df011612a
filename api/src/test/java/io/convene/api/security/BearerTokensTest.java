package io.convene.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerTokensTest {

    @ParameterizedTest
    @ValueSource(strings = {"Bearer eyJhbGciOi.eyJzdWIi.c2ln-_~+/", "bearer abc", "BEARER abc==", "BeArEr a.b.c",
            "Bearer abc=", "Bearer =", "Bearer ", "Bearer", "Bearerabc", "Bearer  abc", "Bearer abc ", "Bearer a=b",
            "Bearer a b", "Bearer ab\u00e9", "Basic YWxpY2U6YWxpY2U=", "", "Token abc", "Bearer\tabc",
            "Bearer abc\n", "bearer=abc", "\u0130earer abc", "Bearer abc==="})
    void answers_as_springs_default_resolver(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.addHeader("Authorization", header);

        assertThat(outcome(() -> new BearerTokens().resolve(request)))
                .isEqualTo(outcome(() -> new DefaultBearerTokenResolver().resolve(request)));
    }

    @Test
    void no_header_is_no_token() {
        assertThat(new BearerTokens().resolve(new MockHttpServletRequest("GET", "/api/me"))).isNull();
    }

    /** The token, or the error's code and description. */
    private static String outcome(Supplier<String> resolve) {
        try {
            return "token " + resolve.get();
        } catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }
}
