package io.convene.application.presence;

import io.convene.application.shared.NotFoundException;

/** Channels live in the portal: without it Convene cannot tell a channel's members (404). */
class PortalNotConfigured extends NotFoundException {

    PortalNotConfigured() {
        super("channel membership needs the portal (CONVENE_PORTAL_URL)");
    }
}
