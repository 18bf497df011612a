package io.convene.application.user;

import io.convene.domain.user.DirectoryUser;
import io.convene.domain.user.UserDirectory;
import java.util.List;
import org.springframework.stereotype.Service;

/** Finding portal users to invite, over the identity provider's realm. */
@Service
public class UserSearch {

    private static final int LIMIT = 20;

    private final UserDirectory directory;

    UserSearch(UserDirectory directory) {
        this.directory = directory;
    }

    /** Users whose user name, name or e-mail contain {@code query}. */
    public List<DirectoryUser> search(String query) {
        return directory.search(query.trim(), LIMIT);
    }
}
