package io.convene.domain.meeting;

/** A request that breaks a rule of the meeting (bad input): reported as 400 naming {@code field}. */
public class MeetingRuleViolation extends RuntimeException {

    private final String field;

    public MeetingRuleViolation(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
