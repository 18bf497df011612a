/**
 * Issue 20's acceptance suite: "the portal's own client works unchanged".
 *
 * <p>{@link io.convene.app.contract.PortalClient} and {@link io.convene.app.contract.ThreadCallClient} are
 * written from the seeds' client code (seed 002 §2.1 services, §2.3 models; seed 001's four Next.js calls),
 * not from Convene's code; where the seed names no path or body they follow docs/portal-contract.md. The
 * models read answers like Dart's {@code fromJson} would: a non-nullable field missing or null, a wrong
 * JSON type or an enum value outside the Dart enum fails, naming the field; extra fields are fine; dates go
 * through {@link io.convene.app.contract.DartDateTime} (Dart's {@code DateTime.parse} and
 * {@code toUtc().toIso8601String()}).
 *
 * <p>Choices where neither the seed nor docs/portal-contract.md names the wire:
 * <ul>
 * <li>{@code createMeeting} sends all ten named parameters of §2.1, nulls included (as {@code jsonEncode}
 *     does); {@code isInstantCall}, {@code sourceChannelId}, {@code sourceUserId} only when
 *     {@code createInstantCall} passes them.</li>
 * <li>A guest's later requests carry the {@code credential} its registration answered (the browser's
 *     {@code ApiService} authenticates with what the server gave it); the seed's service reads only
 *     {@code sessionId} and {@code expiresAt}.</li>
 * <li>The seed has no request for a guest's "ask to be admitted", the host's End, leaving, or muting:
 *     Convene's {@code POST …/session/{id}/ask}, {@code POST /api/meetings/{id}/end},
 *     {@code POST /api/meetings/{id}/leave} and (issue 20) {@code POST /api/meetings/{id}/participants/{userId}/mute}
 *     are used; the current link is {@code GET /api/meetings/{id}/invitation-link}.</li>
 * <li>Roles ({@code GET /api/meetings/roles}) are seed 002 §1.1's {@code meeting_roles} rows, snake_case;
 *     {@code POST /api/meetings/{id}/roles} sends {@code {userId, roleId: "meeting_manager"}}.</li>
 * <li>The landing page before the link's window: its window's opening is looked for as any date value
 *     (the seed names no field); "Alice tried to call you" is a notification of type {@code call.attempt}.</li>
 * <li>Participant {@code attended} = has joined (whether someone is in it now is Convene's own field).</li>
 * </ul>
 *
 * <p>Sockets check token expiry on the app's clock and Keycloak tokens live 15 min, so scenarios that move
 * the clock further with sockets open first move it back ({@code ContractFixtures.travelBack}).
 */
package io.convene.app.contract;
