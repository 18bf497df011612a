package io.convene.api.calllog;

import io.convene.application.calllog.CallLogQueries;
import io.convene.application.calllog.CallLogQueries.KpiView;
import io.convene.application.calllog.CallLogQueries.Page;
import io.convene.application.calllog.CallLogQueries.Query;
import io.convene.application.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The call log (seed 000's "/calls") and its KPI tiles: my calls, or (admins) the org's. */
@RestController
@RequestMapping("/api/call-log")
@Tag(name = "call log")
class CallLogController {

    private final CallLogQueries queries;

    CallLogController(CallLogQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Calls newest first; In / Out / Missed = direction=in, direction=out, status=missed")
    Page list(@RequestParam(required = false) String direction, @RequestParam(required = false) String status,
              @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
              @RequestParam(required = false) String userId, @RequestParam(required = false) String cursor,
              @RequestParam(defaultValue = "50") int limit, Actor actor) {
        return queries.list(new Query(direction, status, from, to, userId), cursor, limit, actor);
    }

    @GetMapping("/kpis")
    @Operation(summary = "Total, answered, missed, average duration — with the list's filters")
    KpiView kpis(@RequestParam(required = false) String direction, @RequestParam(required = false) String status,
                 @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                 @RequestParam(required = false) String userId, Actor actor) {
        return queries.kpis(new Query(direction, status, from, to, userId), actor);
    }
}
