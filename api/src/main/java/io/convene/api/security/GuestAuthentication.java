package io.convene.api.security;

import io.convene.application.guest.Guest;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated with a guest credential: its principal is the {@link Guest}, its only role {@code guest}. */
public final class GuestAuthentication extends AbstractAuthenticationToken {

    private final Guest guest;

    GuestAuthentication(Guest guest) {
        super(List.of(new SimpleGrantedAuthority("ROLE_guest")));
        this.guest = guest;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Guest getPrincipal() {
        return guest;
    }
}
