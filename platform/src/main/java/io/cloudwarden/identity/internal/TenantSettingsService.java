package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.TenantSettings;
import io.cloudwarden.identity.TenantSettingsChanged;
import io.cloudwarden.identity.TenantSettingsLookup;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantDataRetention;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.web.RequestActor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes {@code tenant_settings} (plus data retention, which the evidence module keeps), validates
 * changes, audits them with before and after, and serves {@link TenantSettingsLookup} from a per-node cache.
 */
@Service
public class TenantSettingsService implements TenantSettingsLookup {

    /** How long a cached answer is trusted; changes on another node reach this one within it. */
    static final Duration CACHE_TTL = Duration.ofSeconds(30);

    /** A change; a {@code null} member keeps the current value ({@code dataRetention} members: null = default). */
    public record Change(Boolean mfaRequired, Integer sessionLifetimeMinutes, Boolean selfSignupEnabled,
                         List<String> allowedSsoProviders, List<String> ipAllowList, TenantDataRetention.Days dataRetention) {
    }

    /** Settings plus data retention, as the API shows them. */
    public record View(TenantSettings settings, TenantDataRetention.Days dataRetention) {
    }

    private record Cached(TenantSettings settings, long loadedAtNanos) {
    }

    private final JdbcClient jdbc;
    private final TenantDataRetention retention;
    private final ApplicationEventPublisher events;
    private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();

    TenantSettingsService(JdbcClient jdbc, TenantDataRetention retention, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.events = events;
    }

    @Override
    public TenantSettings settings(TenantId tenant) {
        Cached c = cache.get(tenant);
        if (c != null && System.nanoTime() - c.loadedAtNanos() < CACHE_TTL.toNanos()) {
            return c.settings();
        }
        TenantSettings loaded = load(tenant);
        if (cache.size() > 50_000) {
            cache.clear();
        }
        cache.put(tenant, new Cached(loaded, System.nanoTime()));
        return loaded;
    }

    /** The tenant's settings and retention, read from the database. */
    public View view(TenantId tenant) {
        return new View(load(tenant), retention.retention(tenant));
    }

    /** Validates and applies {@code change}; nothing is written when any field is invalid. */
    @Transactional
    public View update(TenantId tenant, Change change) {
        TenantSettings before = load(tenant);
        TenantDataRetention.Days retentionBefore = retention.retention(tenant);
        List<FieldProblem> problems = new ArrayList<>();
        int lifetime = change.sessionLifetimeMinutes() == null ? before.sessionLifetimeMinutes() : change.sessionLifetimeMinutes();
        if (lifetime < 15 || lifetime > 43_200) {
            problems.add(new FieldProblem("sessionLifetimeMinutes", "must be from 15 to 43200 minutes"));
        }
        List<UUID> providers = change.allowedSsoProviders() == null ? before.allowedSsoProviders()
                : uuids(change.allowedSsoProviders(), problems);
        List<String> ranges = change.ipAllowList() == null ? before.ipAllowList() : ranges(change.ipAllowList(), problems);
        String caller = RequestActor.sourceIp();
        if (change.ipAllowList() != null && !ranges.isEmpty() && caller != null
                && ranges.stream().noneMatch(r -> IpRange.parse(r).map(x -> x.contains(caller)).orElse(false))) {
            problems.add(new FieldProblem("ipAllowList", "does not include your own address " + caller
                    + "; saving it would lock you out of this tenant"));
        }
        TenantDataRetention.Days days = change.dataRetention() == null ? retentionBefore : change.dataRetention();
        checkDays("dataRetention.auditOnlineDays", days.auditOnlineDays(), problems);
        checkDays("dataRetention.evidenceDays", days.evidenceDays(), problems);
        if (!problems.isEmpty()) {
            throw CloudwardenException.invalid("the settings have invalid fields", problems);
        }
        TenantSettings after = new TenantSettings(
                change.mfaRequired() == null ? before.mfaRequired() : change.mfaRequired(), lifetime,
                change.selfSignupEnabled() == null ? before.selfSignupEnabled() : change.selfSignupEnabled(), providers, ranges);
        String actor = RequestActor.actor();
        String ip = RequestActor.sourceIp();
        TenantContext.runAs(tenant, () -> {
            jdbc.sql("""
                            insert into tenant_settings (tenant_id, mfa_required, session_lifetime_minutes, self_signup_enabled,
                                                         allowed_sso_providers, ip_allow_list, updated_at, updated_by)
                            values (?, ?, ?, ?, ?::uuid[], ?::cidr[], now(), ?)
                            on conflict (tenant_id) do update set mfa_required = excluded.mfa_required,
                                session_lifetime_minutes = excluded.session_lifetime_minutes,
                                self_signup_enabled = excluded.self_signup_enabled,
                                allowed_sso_providers = excluded.allowed_sso_providers, ip_allow_list = excluded.ip_allow_list,
                                updated_at = now(), updated_by = excluded.updated_by""")
                    .params(tenant.value(), after.mfaRequired(), after.sessionLifetimeMinutes(), after.selfSignupEnabled(),
                            after.allowedSsoProviders().stream().map(UUID::toString).toArray(String[]::new), after.ipAllowList().toArray(String[]::new), actor)
                    .update();
            TenantDataRetention.Days retentionAfter = retention.setRetention(tenant, days, actor, ip);
            events.publishEvent(new TenantSettingsChanged(tenant, describe(before, retentionBefore), describe(after, retentionAfter),
                    actor, ip, Instant.now()));
        });
        cache.remove(tenant);
        return view(tenant);
    }

    private TenantSettings load(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> jdbc.sql("""
                        select mfa_required, session_lifetime_minutes, self_signup_enabled, allowed_sso_providers,
                               ip_allow_list::text[] from tenant_settings where tenant_id = ?""")
                .param(tenant.value())
                .query((rs, n) -> new TenantSettings(rs.getBoolean(1), rs.getInt(2), rs.getBoolean(3),
                        java.util.Arrays.stream((Object[]) rs.getArray(4).getArray()).map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString())).toList(), List.of((String[]) rs.getArray(5).getArray())))
                .optional().orElse(TenantSettings.DEFAULTS));
    }

    private static List<UUID> uuids(List<String> values, List<FieldProblem> problems) {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            try {
                out.add(UUID.fromString(String.valueOf(values.get(i))));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("allowedSsoProviders[" + i + "]", "'" + values.get(i) + "' is not a provider id (UUID)"));
            }
        }
        return out.stream().distinct().toList();
    }

    private static List<String> ranges(List<String> values, List<FieldProblem> problems) {
        List<String> out = new ArrayList<>();
        if (values.size() > 200) {
            problems.add(new FieldProblem("ipAllowList", "must have at most 200 ranges"));
            return out;
        }
        for (int i = 0; i < values.size(); i++) {
            int index = i;
            IpRange.parse(values.get(i)).ifPresentOrElse(r -> out.add(r.text()), () -> problems.add(new FieldProblem(
                    "ipAllowList[" + index + "]", "'" + values.get(index) + "' is not a CIDR range such as 10.0.0.0/8 or 2001:db8::/32")));
        }
        return out.stream().distinct().toList();
    }

    private static void checkDays(String field, Integer days, List<FieldProblem> problems) {
        if (days != null && (days < 1 || days > 36_500)) {
            problems.add(new FieldProblem(field, "must be from 1 to 36500 days, or null for the installation default"));
        }
    }

    private static Map<String, Object> describe(TenantSettings s, TenantDataRetention.Days d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mfaRequired", s.mfaRequired());
        m.put("sessionLifetimeMinutes", s.sessionLifetimeMinutes());
        m.put("selfSignupEnabled", s.selfSignupEnabled());
        m.put("allowedSsoProviders", s.allowedSsoProviders().stream().map(UUID::toString).toList());
        m.put("ipAllowList", s.ipAllowList());
        m.put("auditOnlineDays", d.auditOnlineDays() == null ? "default" : d.auditOnlineDays());
        m.put("evidenceDays", d.evidenceDays() == null ? "default" : d.evidenceDays());
        return m;
    }
}
