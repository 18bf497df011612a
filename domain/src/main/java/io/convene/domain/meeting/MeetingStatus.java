package io.convene.domain.meeting;

public enum MeetingStatus { SCHEDULED, IN_PROGRESS, ENDED, CANCELLED }
