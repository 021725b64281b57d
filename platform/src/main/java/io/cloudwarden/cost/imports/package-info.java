/**
 * Cost import jobs: uploads, object-store locations and connector export files read into the ledger with a report.
 * Named interface "imports": the command line's {@code ingest} and benchmarks run imports through it.
 */
@org.springframework.modulith.NamedInterface("imports")
package io.cloudwarden.cost.imports;
