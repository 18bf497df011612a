package io.convene.domain.user;

/** A portal user: {@code id} is the identity provider's subject (the token's {@code sub}). */
public record DirectoryUser(String id, String username, String displayName, String email) {
}
