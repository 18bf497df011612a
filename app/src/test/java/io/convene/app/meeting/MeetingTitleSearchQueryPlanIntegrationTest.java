package io.convene.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.app.support.StackTestBase;
import io.convene.domain.meeting.MeetingQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With 10,000 meetings and summaries, a title search ({@code q}, a substring match) is served by
 * the trigram indexes of V5 rather than a scan of every title.
 */
class MeetingTitleSearchQueryPlanIntegrationTest extends StackTestBase {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void tenThousandTitledMeetings() {
        if (jdbc.sql("select count(*) from meeting where title like 'Topic %'").query(Long.class).single() >= 10_000) {
            return;
        }
        jdbc.sql("""
                insert into meeting (id, title, start_time, end_time, provider, room_key, status, created_by, created_at, version)
                select 'mtg_' || gen_random_uuid(), 'Topic ' || md5(i::text), now() + (i || ' minutes')::interval,
                       now() + (i || ' minutes')::interval + interval '30 minutes', 'INTERNAL', 'room-t' || i,
                       (array['SCHEDULED','IN_PROGRESS','ENDED','CANCELLED'])[1 + i % 4], 'user-' || (i % 100), now(), 0
                from generate_series(1, 10000) as i""").update();
        jdbc.sql("""
                insert into meeting_summary (meeting_id, title, is_instant_call, provider, created_by, status, scheduled_start,
                    scheduled_end, started_at, ended_at, duration_seconds, participant_count, invited_count, recorded_at)
                select id, title, false, 'INTERNAL', created_by, 'ENDED', start_time, end_time, start_time, end_time, 1800, 3, 3, now()
                from meeting where title like 'Topic %'""").update();
        // a bulk insert leaves the GIN entries in its pending list until (auto)vacuum merges them
        jdbc.sql("vacuum analyze meeting, meeting_summary").update();
    }

    @Test
    void the_org_title_search_uses_the_trigram_index() {
        String plan = explain("""
                select m.id from meeting m where m.status in ('SCHEDULED', 'IN_PROGRESS') and lower(m.title) like '%s'
                order by m.start_time, m.id limit 20 offset 0""".formatted(MeetingQueries.containing(md5Part())));

        assertThat(plan).contains("meeting_title_trgm").doesNotContain("Seq Scan on meeting ");
    }

    @Test
    void the_past_title_search_uses_the_trigram_index() {
        String plan = explain("""
                select s.* from meeting_summary s where s.status = 'ENDED' and lower(s.title) like '%s'
                order by s.ended_at desc, s.meeting_id limit 20 offset 0""".formatted(MeetingQueries.containing(md5Part())));

        assertThat(plan).contains("meeting_summary_title_trgm").doesNotContain("Seq Scan on meeting_summary ");
    }

    /** Ten characters of one of the titles: matches a handful of rows. */
    private String md5Part() {
        return jdbc.sql("select substring(md5('4242') from 3 for 10)").query(String.class).single();
    }

    private String explain(String sql) {
        return String.join("\n", jdbc.sql("explain " + sql).query(String.class).list());
    }
}
