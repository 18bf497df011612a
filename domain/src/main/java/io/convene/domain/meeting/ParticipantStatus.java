package io.convene.domain.meeting;

/** invited → accepted | declined → joined → left (and joined again). */
public enum ParticipantStatus { INVITED, ACCEPTED, DECLINED, JOINED, LEFT }
