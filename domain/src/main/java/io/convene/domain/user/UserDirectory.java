package io.convene.domain.user;

import java.util.List;
import java.util.Optional;

/** The portal's users, as the identity provider (Keycloak) knows them. */
public interface UserDirectory {

    Optional<DirectoryUser> find(String userId);

    /** Users whose user name, name or e-mail contain {@code query}; at most {@code max}. */
    List<DirectoryUser> search(String query, int max);
}
