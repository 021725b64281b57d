/**
 * The FOCUS-native cost ledger: ingestion of FOCUS and provider-native cost exports, the partitioned
 * ledger and its rollups, the cost explorer, allocation and chargeback, budgets and FOCUS export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cost")
package io.cloudwarden.cost;
