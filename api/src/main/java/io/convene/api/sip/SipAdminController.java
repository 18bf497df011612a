package io.convene.api.sip;

import io.convene.application.shared.Actor;
import io.convene.application.sip.SipAccounts;
import io.convene.application.sip.SipAccounts.AccountInput;
import io.convene.application.sip.SipAccounts.AccountView;
import io.convene.application.sip.SipAccounts.Reencrypted;
import io.convene.application.sip.SipSettingsAdmin;
import io.convene.application.sip.SipSettingsAdmin.AuditView;
import io.convene.application.sip.SipSettingsAdmin.SettingsInput;
import io.convene.application.sip.SipSettingsAdmin.SettingsView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin → SIP settings, users' SIP accounts, the audit, re-encryption after a key rotation. Admins only. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "sip (admin)")
class SipAdminController {

    private final SipSettingsAdmin settings;
    private final SipAccounts accounts;

    SipAdminController(SipSettingsAdmin settings, SipAccounts accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    @GetMapping("/settings/sip")
    @Operation(summary = "The org's SIP settings")
    SettingsView settings(Actor actor) {
        return settings.get(actor);
    }

    @PutMapping("/settings/sip")
    @Operation(summary = "Replace the org's SIP settings (audited; emits sip.settings.changed)")
    SettingsView update(@RequestBody SettingsInput input, Actor actor) {
        return settings.update(input, actor);
    }

    @GetMapping("/settings/sip/audit")
    @Operation(summary = "Who changed SIP settings or accounts, when; newest first")
    List<AuditView> audit(@RequestParam(defaultValue = "50") int limit, Actor actor) {
        return settings.audit(limit, actor);
    }

    @GetMapping("/users/{userId}/sip")
    @Operation(summary = "A user's SIP extension and whether a password is set (never the password)")
    AccountView account(@PathVariable String userId, Actor actor) {
        return accounts.get(userId, actor);
    }

    @PutMapping("/users/{userId}/sip")
    @Operation(summary = "Set a user's SIP extension and password (password may be left out to keep it)")
    AccountView setAccount(@PathVariable String userId, @RequestBody AccountInput input, Actor actor) {
        return accounts.set(userId, input, actor);
    }

    @DeleteMapping("/users/{userId}/sip")
    ResponseEntity<Void> deleteAccount(@PathVariable String userId, Actor actor) {
        accounts.delete(userId, actor);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/sip/re-encrypt")
    @Operation(summary = "After a key rotation: seal every SIP password again with the keyset's primary key")
    Reencrypted reencrypt(Actor actor) {
        return accounts.reencrypt(actor);
    }
}
