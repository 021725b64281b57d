package io.cloudwarden.evidence.log;

import io.cloudwarden.shared.TenantDataRetention;
import io.cloudwarden.shared.TenantId;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** The per-log retention settings, offered to tenant settings through the shared {@link TenantDataRetention}. */
@Component
class LogRetentionSettings implements TenantDataRetention {

    private final AuditLedger ledger;
    private final LedgerAdministration administration;

    LogRetentionSettings(AuditLedger ledger, LedgerAdministration administration) {
        this.ledger = ledger;
        this.administration = administration;
    }

    @Override
    public Days retention(TenantId tenant) {
        LogInfo log = ledger.log(tenant);
        return new Days(log.onlineRetentionDays(), log.evidenceRetentionDays());
    }

    @Override
    public Days setRetention(TenantId tenant, Days days, String actor, String sourceIp) {
        Days current = retention(tenant);
        if (!Objects.equals(current.auditOnlineDays(), days.auditOnlineDays())) {
            administration.setOnlineRetention(tenant, days.auditOnlineDays(), actor, sourceIp);
        }
        if (!Objects.equals(current.evidenceDays(), days.evidenceDays())) {
            administration.setEvidenceRetention(tenant, days.evidenceDays(), actor, sourceIp);
        }
        return retention(tenant);
    }
}
