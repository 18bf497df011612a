package io.convene.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.app.support.Json;
import io.convene.app.support.StackTestBase;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Cockpit single sign-on, as a browser does it: the app sends the browser to
 * Keycloak's login form, the user logs in, Keycloak sends the browser back with
 * a code, the app exchanges it (PKCE) and opens Cockpit — for admins only.
 */
class CockpitSingleSignOnIntegrationTest extends StackTestBase {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    @Test
    void cockpit_sends_an_anonymous_browser_to_the_keycloak_login() throws Exception {
        HttpResponse<String> response = browser().send(
                HttpRequest.newBuilder(api("/camunda/app/cockpit/default/")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/keycloak"));
    }

    @Test
    void admin_logs_in_through_keycloak_and_sees_cockpit() throws Exception {
        HttpResponse<String> cockpit = logInAndOpenCockpit("admin");

        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.body()).contains("Cockpit");
    }

    @Test
    void alice_logs_in_through_keycloak_but_does_not_get_into_cockpit() throws Exception {
        HttpResponse<String> cockpit = logInAndOpenCockpit("alice");

        assertThat(cockpit.statusCode()).isEqualTo(403);
    }

    @Test
    void cockpit_knows_the_signed_in_admin_by_first_and_last_name() throws Exception {
        HttpClient browser = browser();
        assertThat(logInAndOpenCockpit(browser, "admin").statusCode()).isEqualTo(200);

        // what Cockpit's header asks for: the signed-in user's profile
        HttpResponse<String> profile = browser.send(HttpRequest.newBuilder(
                        api("/camunda/api/engine/engine/default/user/admin/profile"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        assertThat(Json.of(profile).get("firstName").asText()).isEqualTo("Ada");
        assertThat(Json.of(profile).get("lastName").asText()).isEqualTo("Admin");
        assertThat(profile.body()).doesNotContain("null");
    }

    @Test
    void a_signed_in_user_without_the_admin_role_gets_a_readable_page_with_a_way_to_sign_out() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> page = logInAndOpenCockpit(browser, "alice");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Alice Anders (alice)", "Sign out", "action=\"/logout\"");

        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("CSRF token in the sign-out form").isTrue();
        HttpResponse<String> signedOut = browser.send(HttpRequest.newBuilder(api("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(issuer + "/protocol/openid-connect/logout").contains("id_token_hint="));
    }

    private HttpResponse<String> logInAndOpenCockpit(String user) throws Exception {
        return logInAndOpenCockpit(browser(), user);
    }

    private HttpResponse<String> logInAndOpenCockpit(HttpClient browser, String user) throws Exception {
        URI cockpit = api("/camunda/app/cockpit/default/");
        // app → /oauth2/authorization/keycloak → Keycloak's login page
        HttpResponse<String> page = follow(browser, HttpRequest.newBuilder(cockpit).build());
        assertThat(page.statusCode()).as("Keycloak login page").isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(page.body());
        assertThat(action.find()).as("login form in " + page.uri()).isTrue();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&credentialId=";
        // Keycloak → app's /login/oauth2/code/keycloak → back to Cockpit
        return follow(browser, HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Follows redirects by hand (GET after each), keeping cookies, as a browser does. */
    private static HttpResponse<String> follow(HttpClient browser, HttpRequest first) throws Exception {
        HttpResponse<String> response = browser.send(first, HttpResponse.BodyHandlers.ofString());
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Keycloak marks its cookies Secure; browsers send them to http://localhost anyway
     * (a secure context), Java's cookie manager does not. This one does, as a browser would.
     */
    private static final class LocalhostCookies extends CookieHandler {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return cookies.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> insecure = new HashMap<>();
            headers.forEach((name, values) -> insecure.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList() : values));
            cookies.put(uri, insecure);
        }
    }
}
