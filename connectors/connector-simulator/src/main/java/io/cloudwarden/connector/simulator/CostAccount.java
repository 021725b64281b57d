package io.cloudwarden.connector.simulator;

import java.nio.charset.StandardCharsets;

/**
 * The billing identity of one simulated account: provider, publisher and invoice issuer names, the billing
 * account it is billed to (a payer account, billing profile or billing account that may cover several simulated
 * accounts) and the sub account it is, with the negotiated discount and tax rate of the billing account.
 */
final class CostAccount {

    final SimulatedCloud cloud;
    final String providerName;
    final String invoiceIssuer;
    final String billingAccountId;
    final String subAccountId;
    /** Negotiated discount off list prices, in basis points. */
    final long discountBp;
    /** Sales tax / VAT on billed charges, in basis points. */
    final long taxBp;
    private final byte[][] template = new byte[FocusLine.COLUMNS.length][];

    CostAccount(SimulatorSettings settings) {
        this.cloud = settings.cloud();
        this.subAccountId = settings.accountId();
        this.billingAccountId = settings.billingAccountId() != null ? settings.billingAccountId()
                : derivedBillingAccount(settings.cloud(), settings.seed());
        long h = DeterministicHash.mix(billingAccountId.hashCode() * 31L + settings.seed());
        this.discountBp = new long[]{0, 300, 500, 800}[DeterministicHash.pick(h, 4)];
        this.taxBp = new long[]{0, 700, 825, 2000}[DeterministicHash.pick(h >>> 8, 4)];
        String billingType;
        String billingName;
        String subType;
        switch (cloud) {
            case AWS -> {
                providerName = "AWS";
                invoiceIssuer = "Amazon Web Services, Inc.";
                billingType = "Management Account";
                billingName = "Acme management account";
                subType = "Member Account";
            }
            case AZURE -> {
                providerName = "Microsoft";
                invoiceIssuer = "Microsoft Corporation";
                billingType = "Billing Profile";
                billingName = "Acme billing profile";
                subType = "Subscription";
            }
            default -> {
                providerName = "Google Cloud";
                invoiceIssuer = "Google LLC";
                billingType = "Billing Account";
                billingName = "Acme billing account";
                subType = "Project";
            }
        }
        set(FocusLine.BILLING_ACCOUNT_ID, billingAccountId);
        set(FocusLine.BILLING_ACCOUNT_NAME, billingName);
        set(FocusLine.BILLING_ACCOUNT_TYPE, billingType);
        set(FocusLine.BILLING_CURRENCY, "USD");
        set(FocusLine.PRICING_CURRENCY, "USD");
        set(FocusLine.INVOICE_ISSUER, invoiceIssuer);
        set(FocusLine.PROVIDER, providerName);
        set(FocusLine.PUBLISHER, providerName);
        set(FocusLine.SUB_ACCOUNT_ID, subAccountId);
        set(FocusLine.SUB_ACCOUNT_NAME, "simulated " + cloud.wireName() + " " + subAccountId);
        set(FocusLine.SUB_ACCOUNT_TYPE, subType);
    }

    /** A billing account id of the provider's shape, shared by all simulated accounts of a provider and seed. */
    static String derivedBillingAccount(SimulatedCloud cloud, long seed) {
        long h = DeterministicHash.mix(seed * 0x51ED27L + cloud.ordinal());
        String hex = DeterministicHash.hex(h, 16).toUpperCase(java.util.Locale.ROOT);
        return switch (cloud) {
            case AWS -> String.format("%012d", Long.remainderUnsigned(h, 1_000_000_000_000L));
            case AZURE -> hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 11) + "-"
                    + hex.substring(11, 14);
            case GCP -> hex.substring(0, 6) + "-" + hex.substring(6, 12) + "-" + hex.substring(10, 16);
        };
    }

    private void set(int column, String value) {
        template[column] = FocusCsvWriter.field(value);
    }

    /** A fresh copy of the account-level columns, for a row or resource template to fill in. */
    byte[][] template() {
        return template.clone();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
