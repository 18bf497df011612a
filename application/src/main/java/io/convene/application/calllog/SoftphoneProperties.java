package io.convene.application.calllog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The softphone's call log.
 *
 * @param defaultRegion        the region (ISO 3166 code, e.g. DE) of numbers dialled without a
 *                             country code ({@code CONVENE_SOFTPHONE_DEFAULT_REGION}); empty = every
 *                             number must be international (+…)
 * @param contactLookupBudget  the longest the ringing event waits for the CRM's answer
 *                             ({@code CONVENE_CRM_BUDGET}); a slower CRM's contact is left out
 * @param contactLookupThreads CRM questions in flight at once on a node; more ring without a contact
 */
@ConfigurationProperties("convene.softphone")
public record SoftphoneProperties(String defaultRegion, @DefaultValue("300ms") Duration contactLookupBudget,
                                  @DefaultValue("8") int contactLookupThreads) {

    public SoftphoneProperties {
        defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? null : defaultRegion.strip().toUpperCase();
        if (contactLookupBudget == null || contactLookupBudget.isNegative()) {
            throw new IllegalArgumentException("convene.softphone.contact-lookup-budget must not be negative");
        }
        if (contactLookupThreads < 1) {
            throw new IllegalArgumentException("convene.softphone.contact-lookup-threads must be at least 1");
        }
    }
}
