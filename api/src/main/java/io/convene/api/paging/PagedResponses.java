package io.convene.api.paging;

import io.convene.application.meeting.MeetingResults.Page;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A list as the portal reads it: a JSON array, its paging in headers (GitHub's convention) —
 * {@code X-Total-Count} and an RFC 8288 {@code Link} with {@code first}, {@code prev},
 * {@code next} and {@code last}, each the request's own URL with another {@code page}.
 */
public final class PagedResponses {

    private PagedResponses() {}

    public static <T> ResponseEntity<List<T>> of(Page<T> page) {
        long lastPage = Math.max(0, (page.total() - 1) / page.size());
        List<String> links = new ArrayList<>();
        links.add(link(0, page.size(), "first"));
        if (page.page() > 0) {
            links.add(link(Math.min(page.page() - 1, lastPage), page.size(), "prev"));
        }
        if (page.page() < lastPage) {
            links.add(link(page.page() + 1, page.size(), "next"));
        }
        links.add(link(lastPage, page.size(), "last"));
        return ResponseEntity.ok()
                .header("X-Total-Count", Long.toString(page.total()))
                .header("Link", String.join(", ", links))
                .body(page.items());
    }

    /** A relative reference (path and query, as the request sent them, already encoded): no Host header ends up in it. */
    private static String link(long page, int size, String rel) {
        var current = ServletUriComponentsBuilder.fromCurrentRequest().build();
        String url = UriComponentsBuilder.newInstance().path(current.getPath()).query(current.getQuery())
                .replaceQueryParam("page", page).replaceQueryParam("size", size).build(true).toUriString();
        return "<" + url + ">; rel=\"" + rel + "\"";
    }
}
