package io.convene.app.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.app.support.Json;
import io.convene.app.support.StackTestBase;
import io.convene.domain.calllog.CallLogEntries;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With 1,000,000 rows in the call log (200 users over a year), the KPI and list queries are
 * served by the call log's indexes (EXPLAIN ANALYZE shows their index, never a sequential scan
 * of call_log). The measured times are printed and recorded in docs/softphone.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallLogKpiQueryPlanIntegrationTest extends StackTestBase {

    private static final int ROWS = 1_000_000;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void aMillionCalls() {
        jdbc.sql("""
                insert into call_log (id, user_id, user_name, source, direction, remote_number, sip_call_id, status,
                    started_at, answered_at, ended_at, duration_seconds)
                select gen_random_uuid(), 'bench-' || (i % 200), 'Bench User', 'softphone',
                       case when i % 2 = 0 then 'in' else 'out' end, '+4930' || (1000000 + i % 900000),
                       'bench-' || i || '@pbx', (array['answered','answered','answered','missed','declined','failed'])[1 + i % 6],
                       now() - (i * interval '31.536 seconds'), null, null, case when i % 6 < 3 then 30 + i % 600 else 0 end
                from generate_series(1, :rows) as i""").param("rows", ROWS).update();
        jdbc.sql("vacuum analyze call_log").update();
    }

    @AfterAll
    void goAgain() {
        jdbc.sql("delete from call_log where user_id like 'bench-%'").update();
        jdbc.sql("vacuum analyze call_log").update();
    }

    @Test
    void the_org_kpis_of_the_last_30_days_come_from_an_index_only_scan() {
        String plan = explain(CallLogEntries.kpiSql(List.of("started_at >= now() - interval '30 days'")));

        assertThat(plan).contains("Index Only Scan").contains("call_log_started").doesNotContain("Seq Scan on call_log");
    }

    @Test
    void a_users_kpis_of_a_whole_year_with_a_direction_come_from_the_users_index() {
        String plan = explain(CallLogEntries.kpiSql(List.of("user_id = 'bench-42'",
                "started_at >= now() - interval '365 days'", "direction = 'in'")));

        assertThat(plan).contains("call_log_user_started").doesNotContain("Seq Scan on call_log");
    }

    @Test
    void the_org_missed_calls_of_a_week_come_from_an_index() {
        String plan = explain(CallLogEntries.kpiSql(List.of("started_at >= now() - interval '7 days'",
                "status = 'missed'")));

        assertThat(plan).contains("call_log_started").doesNotContain("Seq Scan on call_log");
    }

    @Test
    void the_org_wide_list_newest_first_reads_one_page_of_the_index() {
        String plan = explain("select * from call_log order by started_at desc, id desc limit 51");
        String userPage = explain("""
                select * from call_log where user_id = 'bench-7' and (started_at, id) < (now() - interval '100 days',
                'ffffffff-ffff-ffff-ffff-ffffffffffff') order by started_at desc, id desc limit 51""");

        assertThat(plan).contains("Index Scan using call_log_started").doesNotContain("Seq Scan").doesNotContain("Sort");
        assertThat(userPage).contains("call_log_user_started").doesNotContain("Seq Scan");
    }

    @Test
    void the_api_counts_a_year_of_the_org_in_one_query() throws Exception {
        long total = Json.of(get("/api/call-log/kpis", tokens.of("admin"))).get("total").asLong();

        assertThat(total).isGreaterThanOrEqualTo(ROWS);
        System.out.println("whole-org KPIs over a year:\n" + explain(CallLogEntries.kpiSql(List.of())));
    }

    private String explain(String sql) {
        String plan = String.join("\n", jdbc.sql("explain (analyze, buffers) " + sql).query(String.class).list());
        System.out.println("EXPLAIN ANALYZE " + sql.replaceAll("\\s+", " ") + "\n" + plan);
        return plan;
    }
}
