package io.convene.domain.meeting;

/** Where the conference happens: our own room, a Jitsi room, or any external URL. */
public enum Provider { INTERNAL, JITSI, EXTERNAL }
