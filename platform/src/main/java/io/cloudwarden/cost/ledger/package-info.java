/**
 * Storage of cost rows: period replacement by COPY straight into the ledger, monthly partitions and the rollups. Named
 * interface "ledger": the {@code cost-ingest} benchmark measures its COPY reference through it.
 */
@org.springframework.modulith.NamedInterface("ledger")
package io.cloudwarden.cost.ledger;
