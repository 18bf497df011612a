package io.convene.domain.calllog;

/** A CRM contact a phone number belongs to. */
public record Contact(String id, String name) {
}
