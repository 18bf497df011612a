package io.convene.application.calllog;

import io.convene.domain.calllog.Contact;
import io.convene.domain.calllog.ContactDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Asks the CRM whose number rings, but never longer than the budget (300 ms): the ringing event
 * does not wait for a slow or failing CRM, it rings without a contact. The question runs on a
 * small pool of its own, so a hanging CRM holds those threads (until its HTTP timeout), never a
 * request's; when all are busy the call rings without asking.
 */
@Component
class ContactLookup implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ContactLookup.class);

    private final ContactDirectory directory;
    private final Duration budget;
    private final ThreadPoolExecutor pool;
    private final Counter late;
    private final Counter failed;

    ContactLookup(ContactDirectory directory, SoftphoneProperties properties, MeterRegistry meters) {
        this.directory = directory;
        this.budget = properties.contactLookupBudget();
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(properties.contactLookupThreads(), properties.contactLookupThreads(),
                60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(properties.contactLookupThreads() * 4), runnable -> {
                    Thread thread = new Thread(runnable, "crm-lookup-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.pool.allowCoreThreadTimeOut(true);
        this.late = Counter.builder("convene.softphone.contact.lookups").tag("outcome", "late")
                .description("CRM look-ups that missed the ringing budget").register(meters);
        this.failed = Counter.builder("convene.softphone.contact.lookups").tag("outcome", "failed")
                .description("CRM look-ups that failed").register(meters);
    }

    /** The contact of {@code e164}, if the CRM names one within the budget. */
    Optional<Contact> within(String e164) {
        if (!directory.configured()) {
            return Optional.empty();
        }
        CompletableFuture<Optional<Contact>> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> directory.findByNumber(e164), pool);
        } catch (RejectedExecutionException busy) {
            late.increment();
            return Optional.empty();
        }
        try {
            return answer.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            late.increment();
            log.info("The CRM did not answer within {} ms; the call rings without a contact", budget.toMillis());
            return Optional.empty();
        } catch (ExecutionException e) {
            failed.increment();
            log.warn("The CRM look-up failed; the call rings without a contact: {}", e.getCause().getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
