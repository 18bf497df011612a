package io.convene.domain.calllog;

import java.util.Optional;

/**
 * The portal's CRM: whose number is this? Implemented in the integration module — an HTTP
 * client of the CRM when {@code CONVENE_CRM_URL} is set, otherwise one that knows nobody.
 * Each question may be a network call: ask it before a transaction opens, within a budget.
 */
public interface ContactDirectory {

    /** False when no CRM is configured. */
    boolean configured();

    /**
     * The contact whose phone number is {@code e164} (e.g. {@code +493012345678}), if the CRM knows one.
     *
     * @throws ContactDirectoryUnavailableException the CRM did not answer or answered nonsense
     */
    Optional<Contact> findByNumber(String e164);
}
