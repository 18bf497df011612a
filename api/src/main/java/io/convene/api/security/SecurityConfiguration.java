package io.convene.api.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import io.convene.application.guest.GuestCredentials;
import io.convene.application.shared.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what. Three doors, each its own filter chain:
 * <ol>
 *   <li>{@code /engine-rest/**} — Camunda's REST API: a bearer token of a realm {@code admin} (Modeler deploys with it);</li>
 *   <li>{@code /api/**} — Convene's API: any valid token of the realm, with issuer and audience checked;</li>
 *   <li>{@code /actuator/**} and {@code /health/**} — operations, bearer tokens: {@code /actuator/health}
 *       is open but shows details only to realm admins; {@code /health/jitsi} and {@code /health/coturn}
 *       need any valid token; metrics ({@code /actuator/prometheus}) are for realm admins;</li>
 *   <li>everything else — Cockpit, Admin and Tasklist under {@code /camunda/**} via Keycloak single
 *       sign-on, for realm admins only; the OpenAPI and AsyncAPI documents are open.</li>
 * </ol>
 * Every 401/403 is problem+json (a browser that is signed in without the admin role gets an HTML page).
 *
 * <p>Browsers: the two doors under {@code /api} answer CORS for {@code convene.web.allowed-origins}
 * ({@link BrowserOrigins}, the Socket.IO gateway checks the same list) before any authentication,
 * so a preflight needs no token; a refused origin gets a 403 problem.
 */
@Configuration
@EnableConfigurationProperties({IdentityProperties.class, WebProperties.class})
class SecurityConfiguration {

    private static final BearerTokens BEARER_TOKENS = new BearerTokens();

    /** Spring's firewall, its header checks without regular expressions (see {@link HeaderCharacters}). */
    @Bean
    WebSecurityCustomizer headerChecks() {
        StrictHttpFirewall firewall = HeaderCharacters.firewall();
        return web -> web.httpFirewall(firewall);
    }

    /**
     * No Micrometer observation of the security filter chain per request: it cost about a third of
     * an authenticated request (an observation with two events per filter, each a meter lookup), and
     * every request is timed as {@code http.server.requests} anyway. Authentications and
     * authorizations are still observed (their failures count).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

    /** Spring's default leeway for exp/nbf, named because the token cache keeps a token this long past its exp. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Bean
    JwtDecoder jwtDecoder(IdentityProperties identity, MeterRegistry meters) {
        // keys are fetched on the first token, not at startup: the app starts while Keycloak still boots
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(identity.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(new ConvertedKeySelector(
                        Set.of(JWSAlgorithm.RS256), keySource(processor.getJWSKeySelector()))))
                .build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(identity.audience()));
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithValidators(List.of(
                new JwtTimestampValidator(CLOCK_SKEW), new JwtIssuerValidator(identity.issuerUri()), audience));
        decoder.setJwtValidator(validator);
        if (identity.tokenCacheSize() <= 0) {
            return decoder;
        }
        CachingJwtDecoder cached = new CachingJwtDecoder(decoder, validator, identity.tokenCacheSize(), CLOCK_SKEW,
                Clock.systemUTC());
        CaffeineCacheMetrics.monitor(meters, cached.cache(), "convene.token.cache"); // hits, misses, size
        return cached;
    }

    @SuppressWarnings("unchecked")
    private static JWKSource<SecurityContext> keySource(JWSKeySelector<SecurityContext> selector) {
        // the builder's own selector holds the cached, remote key set
        return ((JWSVerificationKeySelector<SecurityContext>) selector).getJWKSource();
    }

    /** The browser origins of the REST API's CORS and the Socket.IO gateway (one setting for both). */
    @Bean
    BrowserOrigins browserOrigins(WebProperties web) {
        return new BrowserOrigins(web.allowedOrigins());
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(JwtClaimNames.SUB);
        converter.setJwtGrantedAuthoritiesConverter(jwt -> KeycloakRoles.fromClaims(jwt.getClaims()));
        return converter;
    }

    /**
     * The guests' door ({@code /api/meetings/external/**} and the guest's preview): the landing page,
     * registration and the preview are open (throttled per client address by their use cases); the
     * rest takes a guest credential ({@code cvg_…}, checked against the live sessions) or — for the
     * pre-key bundles participants fetch — a portal token. A guest credential anywhere else is not a
     * Keycloak token: 401.
     */
    @Bean
    @Order(0)
    SecurityFilterChain guests(HttpSecurity http, JwtDecoder jwtDecoder, JwtAuthenticationConverter converter,
                               GuestCredentials credentials, ProblemAuthenticationHandlers problems,
                               BrowserOrigins origins) throws Exception {
        JwtAuthenticationProvider portalTokens = new JwtAuthenticationProvider(jwtDecoder);
        portalTokens.setJwtAuthenticationConverter(converter);
        AuthenticationManager portal = new ProviderManager(portalTokens);
        AuthenticationManager guests = new ProviderManager(new GuestAuthenticationProvider(credentials));
        AuthenticationManagerResolver<HttpServletRequest> managers = request ->
                GuestCredentials.isGuestCredential(BEARER_TOKENS.resolve(request)) ? guests : portal;
        RequestMatcher guestPreview = new AndRequestMatcher(path(HttpMethod.GET, "/api/meetings/*/preview"),
                request -> request.getHeader(Callers.INVITATION_TOKEN_HEADER) != null && request.getHeader("Authorization") == null);
        return http.securityMatcher(new OrRequestMatcher(path("/api/meetings/external/**"), guestPreview))
                .addFilter(cors(origins, problems))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(BEARER_TOKENS)
                        .authenticationManagerResolver(managers)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path(HttpMethod.GET, "/api/meetings/external/join/*"),
                                path(HttpMethod.POST, "/api/meetings/external/register"), guestPreview).permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, JwtAuthenticationConverter converter,
                                   ProblemAuthenticationHandlers problems) throws Exception {
        return bearerOnly(http.securityMatcher(path("/engine-rest/**")), converter, problems)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Actor.ADMIN))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, JwtAuthenticationConverter converter,
                            ProblemAuthenticationHandlers problems, BrowserOrigins origins) throws Exception {
        return bearerOnly(http.securityMatcher(path("/api/**")).addFilter(cors(origins, problems)), converter, problems)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/api/ops/**")).hasRole(Actor.ADMIN)
                        .requestMatchers(path("/api/admin/**")).hasRole(Actor.ADMIN) // and each use case's policy
                        .anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain operations(HttpSecurity http, JwtAuthenticationConverter converter,
                                   ProblemAuthenticationHandlers problems) throws Exception {
        return bearerOnly(http.securityMatcher(new OrRequestMatcher(path("/actuator/**"), path("/health/**"))), converter, problems)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path(HttpMethod.GET, "/actuator/health"),
                                path(HttpMethod.GET, "/actuator/health/**")).permitAll()
                        .requestMatchers(path(HttpMethod.GET, "/health/**")).authenticated()
                        .anyRequest().hasRole(Actor.ADMIN))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain webapps(HttpSecurity http, ProblemAuthenticationHandlers problems,
                                IdentityProperties identity,
                                @Value("${spring.security.oauth2.client.registration.keycloak.client-id}") String clientId)
            throws Exception {
        // signing out ends the Keycloak session too (RP-initiated logout), so another user can sign in
        LogoutSuccessHandler keycloakLogout = (request, response, authentication) -> {
            UriComponentsBuilder logout = UriComponentsBuilder
                    .fromUriString(identity.issuerUri() + "/protocol/openid-connect/logout")
                    .queryParam("client_id", clientId)
                    .queryParam("post_logout_redirect_uri", ServletUriComponentsBuilder.fromContextPath(request)
                            .path("/").toUriString());
            if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
                logout.queryParam("id_token_hint", user.getIdToken().getTokenValue());
            }
            response.sendRedirect(logout.encode().build().toUriString());
        };
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/camunda/assets/**"), path("/camunda/lib/**"),
                                path("/camunda/favicon.ico")).permitAll()
                        .requestMatchers(path("/camunda/**")).hasRole(Actor.ADMIN)
                        .requestMatchers(path("/v3/api-docs/**"), path("/swagger-ui/**"),
                                path("/swagger-ui.html"), path(HttpMethod.GET, "/asyncapi.json"), path("/"),
                                path("/error"))
                        .permitAll()
                        .anyRequest().hasRole(Actor.ADMIN))
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/keycloak"))
                .logout(logout -> logout.logoutSuccessHandler(keycloakLogout))
                .exceptionHandling(errors -> errors.accessDeniedHandler(new WebappAccessDeniedHandler(problems)))
                // Camunda's webapps bring their own CSRF filter (same cookie and header names as Spring's)
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
                .build();
    }

    /** Cockpit logins get their realm roles from the ID token's {@code roles} claim. */
    @Bean
    GrantedAuthoritiesMapper keycloakRolesForLogin() {
        return authorities -> {
            Collection<GrantedAuthority> mapped = new ArrayList<>(authorities);
            authorities.stream()
                    .filter(OidcUserAuthority.class::isInstance)
                    .map(OidcUserAuthority.class::cast)
                    .forEach(oidc -> mapped.addAll(KeycloakRoles.fromClaims(oidc.getIdToken().getClaims())));
            return mapped;
        };
    }

    private static HttpSecurity bearerOnly(HttpSecurity http, JwtAuthenticationConverter converter,
                                           ProblemAuthenticationHandlers problems) throws Exception {
        return http
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(BEARER_TOKENS)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable);
    }

    /**
     * What {@code cors()} adds — Spring's {@link CorsFilter}, in its place before authentication, so a
     * preflight is answered without a token — with a processor that answers a refusal as problem+json
     * ({@code cors()} has no way to set one: its refusal is Spring's plain-text "Invalid CORS request").
     */
    private static CorsFilter cors(BrowserOrigins origins, ProblemAuthenticationHandlers problems) {
        CorsFilter filter = new CorsFilter(origins);
        filter.setCorsProcessor(new ProblemCorsProcessor(problems));
        return filter;
    }

    private static PathPatternRequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static PathPatternRequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
