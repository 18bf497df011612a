package io.convene.integration.webhook;

import io.convene.domain.webhook.SendOutcome;
import io.convene.domain.webhook.SignedDelivery;
import io.convene.domain.webhook.UnsafeUrlException;
import io.convene.domain.webhook.WebhookTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Webhook deliveries over OkHttp on the egress rules: one parser (OkHttp's {@link HttpUrl}) for
 * checking and sending, so both read a URL alike; names resolved by {@link EgressDns}, every
 * connection pinned by {@link PinnedSocketFactory}; no proxy, no redirect followed (a 3xx is the
 * outcome). Synchronous: the caller's thread waits at most {@code call-timeout}. Never logs a
 * secret, a body or a full URL (its query may carry a receiver's token).
 */
final class OkHttpWebhookTransport implements WebhookTransport, AutoCloseable {

    static final String USER_AGENT = "Convene-Webhooks/1";
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Log log = LogFactory.getLog(OkHttpWebhookTransport.class);

    private final WebhookEgressProperties egress;
    private final AllowedTargets allowed;
    private final Clock clock;
    private final OkHttpClient http;

    OkHttpWebhookTransport(WebhookEgressProperties egress, Clock clock) {
        this.egress = egress;
        this.allowed = AllowedTargets.parse(egress.allowedTargets());
        this.clock = clock;
        this.http = new OkHttpClient.Builder()
                .dns(new EgressDns(allowed))
                .socketFactory(new PinnedSocketFactory(allowed))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(egress.connectTimeout())
                .readTimeout(egress.callTimeout()) // the call timeout governs; these never fire first
                .writeTimeout(egress.callTimeout())
                .callTimeout(egress.callTimeout())
                .connectionPool(new ConnectionPool(egress.maxIdleConnections(),
                        egress.keepAlive().toMillis(), TimeUnit.MILLISECONDS))
                .build();
    }

    @Override
    public void check(URI url) throws UnsafeUrlException {
        HttpUrl target = target(url);
        String host = target.host();
        if (allowed.allows(host, target.port())) {
            return;
        }
        refuseByName(host);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new UnsafeUrlException("the URL's host does not resolve");
        }
        for (InetAddress address : addresses) {
            String refusal = EgressPolicy.refusalOf(address);
            if (refusal != null) {
                throw new UnsafeUrlException(EgressPolicy.isIpLiteral(host)
                        ? "the URL's host is " + refusal : "the URL's host resolves to " + refusal);
            }
        }
    }

    @Override
    public SendOutcome send(SignedDelivery delivery) {
        String signature = Signatures.header(delivery);
        long start = System.nanoTime();
        HttpUrl target;
        try {
            target = target(delivery.url());
            if (!allowed.allows(target.host(), target.port())) {
                refuseByName(target.host()); // address literals skip EgressDns: numeric tricks stop here
            }
        } catch (UnsafeUrlException e) {
            return outcome(delivery, null, start, 0, null, "refused: " + e.getMessage(), null);
        }
        Request request = new Request.Builder()
                .url(target)
                .header("webhook-id", delivery.messageId())
                .header("webhook-timestamp", Long.toString(delivery.timestamp().getEpochSecond()))
                .header("webhook-signature", signature)
                .header("User-Agent", USER_AGENT)
                .post(RequestBody.create(delivery.body().getBytes(StandardCharsets.UTF_8), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            int status = response.code();
            String error = status >= 300 && status < 400 ? "redirect not followed" : null;
            String excerpt;
            try {
                excerpt = excerpt(response.body());
            } catch (IOException e) {
                excerpt = null;
                error = "the answer could not be read: " + describe(e);
            }
            Duration retryAfter = RetryAfter.of(status, response.headers(), clock, egress.maxRetryAfter());
            return outcome(delivery, target, start, status, excerpt, error, retryAfter);
        } catch (IOException e) {
            return outcome(delivery, target, start, 0, null, describe(e), null);
        }
    }

    /** Drops the idle connections (the context closes the bean). */
    @Override
    public void close() {
        http.connectionPool().evictAll();
    }

    private HttpUrl target(URI url) {
        HttpUrl target = url == null ? null : HttpUrl.parse(url.toString());
        if (target == null) {
            throw new UnsafeUrlException("the URL must be an absolute http or https URL with a host and a port between 1 and 65535");
        }
        if (egress.requireHttps() && !target.isHttps()) {
            throw new UnsafeUrlException("the URL must use https");
        }
        if (!target.username().isEmpty() || !target.password().isEmpty()
                || (url.getRawAuthority() != null && url.getRawAuthority().contains("@"))) {
            throw new UnsafeUrlException("the URL must not contain a user name or password");
        }
        return target;
    }

    private static void refuseByName(String host) {
        String refusal = EgressPolicy.refusalOfName(host);
        if (refusal != null) {
            throw new UnsafeUrlException("the URL's host is " + refusal);
        }
    }

    private String excerpt(ResponseBody body) throws IOException {
        int max = egress.responseExcerptBytes();
        if (max == 0) {
            return null;
        }
        byte[] bytes = body.byteStream().readNBytes(max); // never more: the rest is dropped with the connection
        MediaType type = body.contentType();
        return new String(bytes, type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8));
    }

    private static String describe(IOException failure) {
        EgressRefusedException refused = EgressRefusedException.in(failure);
        if (refused != null) {
            return "refused: " + refused.reason();
        }
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        if (failure instanceof InterruptedIOException || failure.getCause() instanceof InterruptedIOException) {
            return "timed out" + message;
        }
        if (failure instanceof UnknownHostException) {
            return "the host does not resolve";
        }
        if (failure instanceof SSLException) {
            return "TLS failed" + message;
        }
        if (failure instanceof ConnectException) {
            return "connection failed" + message;
        }
        return "request failed: " + failure.getClass().getSimpleName() + message;
    }

    private static SendOutcome outcome(SignedDelivery delivery, HttpUrl target, long start, int status, String excerpt,
                                       String error, Duration retryAfter) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (log.isDebugEnabled()) {
            log.debug("Webhook delivery " + delivery.messageId() + " to " + (target == null ? "?" : target.host())
                    + ": " + (status == 0 ? error : status) + " in " + millis + " ms");
        }
        return new SendOutcome(status, millis, excerpt, error, retryAfter);
    }
}
