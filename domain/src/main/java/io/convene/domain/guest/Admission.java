package io.convene.domain.guest;

/** Where a guest stands with the people inside: never asked, waiting for an answer, let in, turned away. */
public enum Admission {
    NONE, PENDING, ADMITTED, DECLINED
}
