package io.convene.domain.persistence;

import io.convene.domain.meeting.MeetingId;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;

/**
 * Spring Data JDBC mapping of the typed ids: stored as their plain string.
 * (Spring Boot's own JDBC configuration backs off for this one.)
 */
@Configuration(proxyBeanMethods = false)
public class JdbcConfiguration extends AbstractJdbcConfiguration {

    @Override
    protected List<?> userConverters() {
        return List.of(new MeetingIdToString(), new StringToMeetingId());
    }

    @WritingConverter
    static final class MeetingIdToString implements Converter<MeetingId, String> {
        @Override
        public String convert(MeetingId id) {
            return id.value();
        }
    }

    @ReadingConverter
    static final class StringToMeetingId implements Converter<String, MeetingId> {
        @Override
        public MeetingId convert(String value) {
            return new MeetingId(value);
        }
    }
}
