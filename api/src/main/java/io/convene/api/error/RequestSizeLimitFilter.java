package io.convene.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies under {@code /api} ({@code convene.api.max-request-size}, 1 MB by default):
 * Tomcat caps only form posts, so a JSON body could otherwise be as large as a client likes.
 * A declared {@code Content-Length} over the cap is answered 413 at once; a chunked body is cut
 * off while it is read ({@link BodyTooLargeException}, mapped to 413 by {@link ProblemDetailsAdvice}).
 * Recording chunk uploads are left alone: they are streamed to storage under their own cap.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ObjectMapper json;

    RequestSizeLimitFilter(@Value("${convene.api.max-request-size:1MB}") DataSize max, ObjectMapper json) {
        this.maxBytes = max.toBytes();
        this.json = json;
    }

    /** Recording chunks are streamed to storage under a cap of their own ({@code convene.recordings.max-chunk-size}). */
    private static final java.util.regex.Pattern RECORDING_CHUNK =
            java.util.regex.Pattern.compile("/api/meetings/[^/]+/recording/chunks/[^/]+");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/")
                || "PUT".equals(request.getMethod()) && RECORDING_CHUNK.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            ProblemDetail problem = ProblemCodes.coded(
                    ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge(maxBytes)));
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(new Capped(request, maxBytes), response);
    }

    static String tooLarge(long maxBytes) {
        return "The request body is larger than " + DataSize.ofBytes(maxBytes).toKilobytes() + " KB.";
    }

    /** Thrown while reading a body past the cap. */
    static final class BodyTooLargeException extends IOException {
        final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super(tooLarge(maxBytes));
            this.maxBytes = maxBytes;
        }
    }

    private static final class Capped extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long count;

        CountingStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
