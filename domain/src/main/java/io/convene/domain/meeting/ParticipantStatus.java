package io.convene.domain.meeting;

/**
 * invited → accepted | declined → joined → left (and joined again). REMOVED: taken out of the
 * meeting after joining; kept only so the call log and the joiner count remember them.
 */
public enum ParticipantStatus { INVITED, ACCEPTED, DECLINED, JOINED, LEFT, REMOVED }
