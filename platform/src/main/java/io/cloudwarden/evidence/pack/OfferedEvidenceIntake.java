package io.cloudwarden.evidence.pack;

import io.cloudwarden.shared.EvidenceOffered;
import io.cloudwarden.shared.TenantContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records evidence other modules offer ({@link EvidenceOffered}) as evidence items, in the offering transaction. */
@Component
class OfferedEvidenceIntake {

    private final EvidenceItems items;

    OfferedEvidenceIntake(EvidenceItems items) {
        this.items = items;
    }

    @EventListener
    void on(EvidenceOffered offered) {
        EvidenceItemCommand command = new EvidenceItemCommand(offered.kind(), offered.title(), offered.description(),
                offered.controls(), null, offered.periodStart(), offered.periodEnd());
        EvidenceItems.Upload upload = offered.fileName() == null ? null
                : new EvidenceItems.Upload(offered.fileName(), offered.mediaType(), offered.content());
        TenantContext.runAs(offered.tenantId(), () -> items.record(command, upload, new Caller(offered.actor(), offered.sourceIp())));
    }
}
