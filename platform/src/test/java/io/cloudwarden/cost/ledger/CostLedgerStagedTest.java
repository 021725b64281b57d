package io.cloudwarden.cost.ledger;

import org.springframework.test.context.TestPropertySource;

/**
 * Every {@link CostLedgerTest} again with loads staged in a temporary table first: what the ledger does on a database
 * where the bulk loader role could not be created (ADR 35).
 */
@TestPropertySource(properties = "cloudwarden.cost.ledger.direct-copy=false")
class CostLedgerStagedTest extends CostLedgerTest {

    @Override
    boolean expectDirect() {
        return false;
    }
}
