package io.cloudwarden.identity.web;

import io.cloudwarden.identity.internal.TenantSettingsService;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantDataRetention;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The active tenant's settings: MFA, session lifetime, sign-up, SSO providers, IP allow-list, data retention. */
@RestController
@RequestMapping("/api/v1/tenant/settings")
@Tag(name = "tenants", description = "The tenant hierarchy MSP > CUSTOMER > BUSINESS_UNIT")
class TenantSettingsController {

    private final TenantSettingsService settings;
    TenantSettingsController(TenantSettingsService settings) {
        this.settings = settings;
    }

    record Retention(Integer auditOnlineDays, Integer evidenceDays) {
    }

    record SettingsBody(Boolean mfaRequired, Integer sessionLifetimeMinutes, Boolean selfSignupEnabled,
                        List<String> allowedSsoProviders, List<String> ipAllowList, Retention dataRetention) {
    }

    record SettingsView(boolean mfaRequired, int sessionLifetimeMinutes, boolean selfSignupEnabled,
                        List<UUID> allowedSsoProviders, List<String> ipAllowList, Retention dataRetention) {
        static SettingsView of(TenantSettingsService.View v) {
            var s = v.settings();
            return new SettingsView(s.mfaRequired(), s.sessionLifetimeMinutes(), s.selfSignupEnabled(), s.allowedSsoProviders(),
                    s.ipAllowList(), new Retention(v.dataRetention().auditOnlineDays(), v.dataRetention().evidenceDays()));
        }
    }

    @GetMapping
    @RequiresPermission(Permission.TENANT_READ)
    @Operation(summary = "The active tenant's settings; dataRetention values null mean the installation default")
    SettingsView get() {
        return SettingsView.of(settings.view(TenantContext.require()));
    }

    @PutMapping
    @RequiresPermission(Permission.TENANT_MANAGE_SETTINGS)
    @Operation(summary = "Change the active tenant's settings; omitted (null) fields keep their value. An IP allow-list "
            + "that would lock out the caller's own address is rejected")
    SettingsView put(@RequestBody SettingsBody body) {
        TenantId tenant = TenantContext.require();
        TenantDataRetention.Days days = body.dataRetention() == null ? null
                : new TenantDataRetention.Days(body.dataRetention().auditOnlineDays(), body.dataRetention().evidenceDays());
        return SettingsView.of(settings.update(tenant, new TenantSettingsService.Change(body.mfaRequired(),
                body.sessionLifetimeMinutes(), body.selfSignupEnabled(), body.allowedSsoProviders(), body.ipAllowList(), days)));
    }
}
