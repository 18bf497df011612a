package io.convene.api.security;

import io.convene.application.guest.GuestCredentials;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** Checks a guest credential ({@code cvg_…}) bearer token against the live guest sessions. */
final class GuestAuthenticationProvider implements AuthenticationProvider {

    private final GuestCredentials credentials;

    GuestAuthenticationProvider(GuestCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        return credentials.authenticate(token).map(GuestAuthentication::new)
                .orElseThrow(() -> new InvalidBearerTokenException("the guest credential is not valid or has expired"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
