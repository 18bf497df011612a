package io.convene.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.app.support.Json;
import io.convene.app.support.StackTestBase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With 10,000 meetings in the database, each list query is served by an index
 * (EXPLAIN shows no sequential scan of the big tables). Timings are in
 * docs/benchmarks.md, not here.
 */
class MeetingListQueryPlanIntegrationTest extends StackTestBase {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void tenThousandMeetings() {
        if (jdbc.sql("select count(*) from meeting where title like 'Bulk %'").query(Long.class).single() >= 10_000) {
            return;
        }
        jdbc.sql("""
                insert into meeting (id, title, start_time, end_time, provider, room_key, status, created_by, created_at, version)
                select 'mtg_' || gen_random_uuid(), 'Bulk ' || i, now() + (i || ' minutes')::interval,
                       now() + (i || ' minutes')::interval + interval '30 minutes', 'INTERNAL', 'room-' || i,
                       (array['SCHEDULED','IN_PROGRESS','ENDED','CANCELLED'])[1 + i % 4], 'user-' || (i % 100), now(), 0
                from generate_series(1, 10000) as i""").update();
        jdbc.sql("""
                insert into meeting_participant (meeting_id, user_id, display_name, role, status, invited_at)
                select m.id, 'user-' || ((substring(m.title from 6))::int % 100 + k), 'User', 'MEMBER', 'INVITED', now()
                from meeting m cross join generate_series(0, 2) as k where m.title like 'Bulk %'""").update();
        jdbc.sql("""
                insert into meeting_summary (meeting_id, title, is_instant_call, provider, created_by, status, scheduled_start,
                    scheduled_end, started_at, ended_at, duration_seconds, participant_count, invited_count, recorded_at)
                select id, title, false, 'INTERNAL', created_by, 'ENDED', start_time, end_time, start_time, end_time, 1800, 3, 3, now()
                from meeting where title like 'Bulk %'""").update();
        jdbc.sql("""
                insert into meeting_summary_participant (meeting_id, user_id, display_name, role, joined, attended_seconds)
                select meeting_id, user_id, display_name, role, true, 1800 from meeting_participant
                where meeting_id in (select id from meeting where title like 'Bulk %')""").update();
        jdbc.sql("analyze").update();
    }

    @Test
    void my_upcoming_meetings_find_the_users_meetings_through_the_participant_index() {
        String plan = explain("""
                select m.id from meeting m join meeting_participant p on p.meeting_id = m.id and p.user_id = 'user-42'
                where m.status in ('SCHEDULED') order by m.start_time, m.id limit 20 offset 0""");

        // the 30,000 participant rows are never scanned; for 10,000 meetings PostgreSQL may hash-join
        // the (small) meeting table instead of 300 index probes — see docs/benchmarks.md
        assertThat(plan).contains("meeting_participant_user").doesNotContain("Seq Scan on meeting_participant");
    }

    @Test
    void the_org_view_of_live_meetings_uses_the_status_index() {
        String plan = explain("""
                select m.id from meeting m where m.status in ('IN_PROGRESS') order by m.start_time, m.id limit 20 offset 0""");

        assertThat(plan).contains("meeting_status_start").doesNotContain("Seq Scan on meeting ");
    }

    @Test
    void my_past_meetings_are_found_through_an_index() {
        String plan = explain("""
                select s.* from meeting_summary s join meeting_summary_participant p on p.meeting_id = s.meeting_id
                and p.user_id = 'user-42' where s.status = 'ENDED' order by s.ended_at desc, s.meeting_id limit 20 offset 0""");

        // the user's rows come from an index (their own, or ended_at walked newest first); the participant
        // table is never scanned. At 10,000 rows PostgreSQL may hash-join a scan of meeting_summary — see
        // docs/benchmarks.md, as for "my upcoming"
        assertThat(plan).containsAnyOf("meeting_summary_participant_user", "meeting_summary_ended")
                .doesNotContain("Seq Scan on meeting_summary_participant");
    }

    @Test
    void the_api_lists_are_paged() throws Exception {
        String admin = tokens.of("admin");

        var firstResponse = get("/api/meetings?scope=org&section=upcoming&size=20&page=0", admin);
        var first = Json.of(firstResponse);
        var second = Json.of(get("/api/meetings?scope=org&section=upcoming&size=20&page=1", admin));

        assertThat(first).hasSize(20);
        assertThat(second).hasSize(20);
        assertThat(first.findValuesAsText("meetingId")).doesNotContainAnyElementsOf(second.findValuesAsText("meetingId"));
        // the paging travels in headers (GitHub's convention): the total and RFC 8288 links
        long total = Long.parseLong(firstResponse.headers().firstValue("X-Total-Count").orElseThrow());
        assertThat(total).isGreaterThanOrEqualTo(40);
        assertThat(firstResponse.headers().firstValue("Link").orElseThrow())
                .contains("page=1&size=20>; rel=\"next\"")
                .contains("page=" + ((total - 1) / 20) + "&size=20>; rel=\"last\"")
                .doesNotContain("rel=\"prev\"");
    }

    private String explain(String sql) {
        return String.join("\n", jdbc.sql("explain " + sql).query(String.class).list());
    }
}
