package io.convene.app.support;

import io.convene.domain.user.DirectoryUser;
import io.convene.domain.user.UserDirectory;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the user look-ups the application asks of the identity provider, per user id: the real
 * Keycloak adapter is wrapped, so every answer still comes from the real Keycloak. A component of
 * the test classpath (the app scans {@code io.convene}), so every test class shares one context.
 */
@Component
public class UserLookups implements BeanPostProcessor {

    private final ConcurrentHashMap<String, AtomicInteger> byId = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof UserDirectory real && !(bean instanceof Counting)) {
            return new Counting(real);
        }
        return bean;
    }

    /** How many look-ups asked for any of {@code ids}. */
    public int of(Collection<String> ids) {
        return ids.stream().map(byId::get).mapToInt(count -> count == null ? 0 : count.get()).sum();
    }

    private final class Counting implements UserDirectory {

        private final UserDirectory real;

        Counting(UserDirectory real) {
            this.real = real;
        }

        @Override
        public Optional<DirectoryUser> find(String userId) {
            byId.computeIfAbsent(String.valueOf(userId), id -> new AtomicInteger()).incrementAndGet();
            return real.find(userId);
        }

        @Override
        public List<DirectoryUser> search(String query, int max) {
            return real.search(query, max);
        }
    }
}
