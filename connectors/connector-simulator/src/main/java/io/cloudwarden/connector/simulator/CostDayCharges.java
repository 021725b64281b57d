package io.cloudwarden.connector.simulator;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The charges of a day that are not one resource's usage: unused commitment (reservation and savings plan),
 * commitment purchases (upfront on the term's first day; the savings plan monthly), marketplace usage and
 * subscription (published by a third party, invoiced by the provider), a promotional credit on some first days
 * of a month, a refund (a correction of an earlier billing period) on some fifth days, and the day's tax.
 */
final class CostDayCharges {

    private static final long NANOS = 1_000_000_000L;
    private final CostDay day;
    private final CostCatalog catalog;
    private final CostAccount account;

    CostDayCharges(CostDay day) {
        this.day = day;
        this.catalog = day.catalog;
        this.account = catalog.account;
    }

    private static String[] types(SimulatedCloud cloud) {
        return switch (cloud) {
            case AWS -> new String[]{"Reserved Instance", "Savings Plan"};
            case AZURE -> new String[]{"Reservation", "Savings Plan"};
            case GCP -> new String[]{"Committed Use Discount", "Flexible Committed Use Discount"};
        };
    }

    static final byte[] USED = CostAccount.bytes("Used");
    static final byte[] UNUSED = CostAccount.bytes("Unused");
    static final byte[] COMMITTED = CostAccount.bytes("Committed");
    private static final int[] COMMITMENT_COLUMNS = {FocusLine.COMMITMENT_CATEGORY, FocusLine.COMMITMENT_ID,
            FocusLine.COMMITMENT_NAME, FocusLine.COMMITMENT_TYPE, FocusLine.COMMITMENT_UNIT};

    /** The encoded commitment columns (category, id, name, type, unit) of the reservation of {@code term}. */
    static byte[][] reservationColumns(CostCatalog c, long term) {
        return encode("Usage", c.commitments.reservationId(c.account.cloud, c.account.subAccountId, term),
                "reserved " + c.commitments.reservedSize + " " + c.commitments.reservedRegion,
                types(c.account.cloud)[0], "Hours");
    }

    /** The encoded commitment columns of the savings plan of {@code term}. */
    static byte[][] savingsPlanColumns(CostCatalog c, long term) {
        return encode("Spend", c.commitments.savingsPlanId(c.account.cloud, c.account.subAccountId,
                c.account.billingAccountId, term), "compute savings plan " + (2025 + term), types(c.account.cloud)[1], "USD");
    }

    private static byte[][] encode(String... values) {
        byte[][] encoded = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            encoded[i] = FocusCsvWriter.field(values[i]);
        }
        return encoded;
    }

    /** Sets the commitment columns on {@code row}. */
    static FocusLine commitment(FocusLine row, byte[][] columns) {
        for (int i = 0; i < COMMITMENT_COLUMNS.length; i++) {
            row.set(COMMITMENT_COLUMNS[i], columns[i]);
        }
        return row;
    }

    void write(FocusCsvWriter out) throws IOException {
        commitments(out);
        marketplace(out);
        credit(out);
        refund(out);
        if (account.taxBp > 0 && day.taxable > 0) {
            long tax = day.taxable * account.taxBp / 10_000;
            FocusLine row = day.begin(charge("Tax", "Usage-Based", "Tax", "Other", "Other (Other)",
                    "Sales tax and VAT", null)).flat(tax);
            row.set(FocusLine.PRICING_CATEGORY, (byte[]) null);
            out.write(row);
        }
    }

    private void commitments(FocusCsvWriter out) throws IOException {
        CostCommitments c = catalog.commitments;
        if (day.reservationTerm >= 0) {
            int capacity = c.reservedCapacity(day.reservationTerm);
            int unused = capacity - day.reservedUsed;
            if (unused > 0) {
                FocusLine row = day.begin(compute("Usage", "Usage-Based", "Unused reservation")).set(FocusLine.REGION_ID,
                        c.reservedRegion).set(FocusLine.REGION_NAME, c.reservedRegion);
                row.priced(24L * unused, c.reservedHourlyList, c.reservedHourlyContracted).costs(0, unused * c.reservedDayEffective);
                commitment(row, day.reservationColumns).set(FocusLine.COMMITMENT_STATUS, UNUSED)
                        .num(FocusLine.COMMITMENT_QUANTITY, 24L * unused * NANOS).set(FocusLine.PRICING_CATEGORY, COMMITTED);
                out.write(unconsumed(row));
            }
            if (day.date.equals(CostCommitments.termStart(CostCommitments.RESERVATION_ANCHOR, day.reservationTerm))) {
                long price = c.reservationPrice(day.reservationTerm);
                FocusLine row = day.begin(compute("Purchase", "One-Time", "Reservation purchase, all upfront, 1 year"))
                        .set(FocusLine.REGION_ID, c.reservedRegion).set(FocusLine.REGION_NAME, c.reservedRegion);
                long hours = capacity * 24L * CostCommitments.termDays(CostCommitments.RESERVATION_ANCHOR, day.reservationTerm);
                long hourly = c.reservedDayEffective / 24; // exact: the day rate is 24 times an hourly rate
                row.priced(hours, hourly, hourly).costs(price, 0);
                commitment(row, day.reservationColumns).num(FocusLine.COMMITMENT_QUANTITY, hours * NANOS);
                day.taxable += price;
                out.write(unconsumed(row));
            }
        }
        if (day.savingsPlanTerm >= 0) {
            if (day.savingsPlanRemaining > 0) {
                long remaining = day.savingsPlanRemaining;
                FocusLine row = day.begin(compute("Usage", "Usage-Based", "Unused savings plan commitment"))
                        .flat(remaining).costs(0, remaining).num(FocusLine.PRICING_QUANTITY, remaining)
                        .num(FocusLine.CONSUMED_QUANTITY, remaining).num(FocusLine.LIST_UNIT_PRICE, NANOS)
                        .num(FocusLine.CONTRACTED_UNIT_PRICE, NANOS).num(FocusLine.PC_LIST_UNIT_PRICE, NANOS)
                        .num(FocusLine.PC_CONTRACTED_UNIT_PRICE, NANOS);
                row.set(FocusLine.PRICING_UNIT, "USD").set(FocusLine.CONSUMED_UNIT, "USD");
                commitment(row, day.savingsPlanColumns).set(FocusLine.COMMITMENT_STATUS, UNUSED)
                        .num(FocusLine.COMMITMENT_QUANTITY, day.savingsPlanRemaining).set(FocusLine.PRICING_CATEGORY, COMMITTED);
                out.write(unconsumed(row));
            }
            if (day.date.getDayOfMonth() == 1) {
                long fee = c.savingsPlanDaily * day.date.lengthOfMonth();
                FocusLine row = day.begin(compute("Purchase", "Recurring", "Savings plan monthly commitment fee"))
                        .priced(1, fee, fee).costs(fee, 0);
                row.set(FocusLine.PRICING_UNIT, "Months").set(FocusLine.CONSUMED_UNIT, "Months");
                commitment(row, day.savingsPlanColumns).num(FocusLine.COMMITMENT_QUANTITY, fee);
                day.taxable += fee;
                out.write(unconsumed(row));
            }
        }
    }

    /**
     * Clears ConsumedQuantity and ConsumedUnit: FOCUS 1.2 requires them null on every charge that is not usage
     * (purchases) and on the unused part of a commitment, which consumed nothing.
     */
    static FocusLine unconsumed(FocusLine row) {
        return row.num(FocusLine.CONSUMED_QUANTITY, FocusLine.NULL).set(FocusLine.CONSUMED_UNIT, (byte[]) null);
    }

    private byte[][] compute(String category, String frequency, String description) {
        CostProfile p = CostProfile.of(computeKind());
        byte[][] t = charge(category, frequency, p.serviceName(), p.category(), p.subcategory(), description, "Standard");
        t[FocusLine.PRICING_UNIT] = CostAccount.bytes("Hours");
        t[FocusLine.CONSUMED_UNIT] = t[FocusLine.PRICING_UNIT];
        return t;
    }

    private byte[][] charge(String category, String frequency, String service, String serviceCategory,
                            String subcategory, String description, String pricing) {
        byte[][] t = account.template();
        t[FocusLine.CHARGE_CATEGORY] = CostAccount.bytes(category);
        t[FocusLine.CHARGE_FREQUENCY] = CostAccount.bytes(frequency);
        t[FocusLine.SERVICE_NAME] = FocusCsvWriter.field(service);
        t[FocusLine.SERVICE_CATEGORY] = FocusCsvWriter.field(serviceCategory);
        t[FocusLine.SERVICE_SUBCATEGORY] = FocusCsvWriter.field(subcategory);
        t[FocusLine.CHARGE_DESCRIPTION] = FocusCsvWriter.field(description);
        t[FocusLine.PRICING_CATEGORY] = pricing == null ? null : CostAccount.bytes(pricing);
        if (category.equals("Usage") || category.equals("Purchase")) {
            // FOCUS 1.2: SkuId and SkuPriceId MUST NOT be null on usage and purchases (not corrections); the same
            // offer has the same SKU in every account
            String skuId = Long.toHexString(DeterministicHash.mix((service + description).hashCode())).toUpperCase(java.util.Locale.ROOT);
            t[FocusLine.SKU_ID] = FocusCsvWriter.field(skuId);
            t[FocusLine.SKU_METER] = FocusCsvWriter.field(description);
            t[FocusLine.SKU_PRICE_ID] = FocusCsvWriter.field(skuId + ".global." + pricing);
        }
        return t;
    }

    private void marketplace(FocusCsvWriter out) throws IOException {
        String[] offer = switch (account.cloud) {
            case AWS -> new String[]{"Datadog, Inc.", "Datadog Pro (AWS Marketplace)", "Snyk Ltd", "Snyk Enterprise"};
            case AZURE -> new String[]{"Elastic N.V.", "Elastic Cloud (Elasticsearch)", "Redis Ltd.", "Redis Enterprise Cloud"};
            case GCP -> new String[]{"MongoDB, Inc.", "MongoDB Atlas", "Confluent, Inc.", "Confluent Cloud"};
        };
        long running = catalog.resources.stream().filter(r -> r.profile.compute() && r.alive(day.day)).count();
        long hostHours = (running / 3 + 2) * 24;
        long price = CostProfile.nanos(0.021);
        byte[][] usage = charge("Usage", "Usage-Based", offer[1], "Management and Governance", "Observability",
                offer[1] + " host hours", "Standard");
        usage[FocusLine.PUBLISHER] = FocusCsvWriter.field(offer[0]);
        usage[FocusLine.PRICING_UNIT] = CostAccount.bytes("Hours");
        usage[FocusLine.CONSUMED_UNIT] = usage[FocusLine.PRICING_UNIT];
        FocusLine row = day.begin(usage).priced(hostHours, price, price);
        day.taxable += row.num(FocusLine.BILLED_COST);
        out.write(row);
        if (day.date.getDayOfMonth() == 1) {
            long fee = CostProfile.nanos(499);
            byte[][] sub = charge("Purchase", "Recurring", offer[3], "Developer Tools", "Quality Assurance",
                    offer[3] + " monthly subscription", "Standard");
            sub[FocusLine.PUBLISHER] = FocusCsvWriter.field(offer[2]);
            sub[FocusLine.PRICING_UNIT] = CostAccount.bytes("Months");
            sub[FocusLine.CONSUMED_UNIT] = sub[FocusLine.PRICING_UNIT];
            FocusLine purchase = day.begin(sub).priced(1, fee, fee);
            day.taxable += fee;
            out.write(unconsumed(purchase));
        }
    }

    private void credit(FocusCsvWriter out) throws IOException {
        long h = catalog.hash.hash(-31, 0x435244, day.day);
        if (day.date.getDayOfMonth() != 1 || DeterministicHash.unit(h) >= 0.35) {
            return;
        }
        long amount = CostProfile.nanos(25 + 225 * DeterministicHash.unit(Long.rotateLeft(h, 11)));
        FocusLine row = day.begin(charge("Credit", "One-Time", CostProfile.of(computeKind()).serviceName(),
                "Other", "Other (Other)", "Promotional credit", null)).flat(-amount);
        out.write(row);
    }

    private ResourceKind computeKind() {
        return switch (account.cloud) {
            case AWS -> AwsKind.INSTANCE;
            case AZURE -> AzureKind.VIRTUAL_MACHINE;
            case GCP -> GcpKind.INSTANCE;
        };
    }

    private void refund(FocusCsvWriter out) throws IOException {
        long h = catalog.hash.hash(-32, 0x524644, day.day);
        if (day.date.getDayOfMonth() != 5 || DeterministicHash.unit(h) >= 0.4) {
            return;
        }
        LocalDate original = day.date.minusMonths(1);
        CostCommitments c = catalog.commitments;
        var candidates = catalog.resources.stream().filter(r -> r.alive(original.toEpochDay()) && !r.profile.flexible()
                && !c.reservable(r) && !r.profile.compute()).toList();
        if (candidates.isEmpty()) {
            return;
        }
        CostResource r = candidates.get(DeterministicHash.pick(h >>> 16, candidates.size()));
        long quantity = CostDay.quantity(r, original.toEpochDay());
        FocusLine row = day.begin(r.usage);
        row.set(FocusLine.CHARGE_PERIOD_START, CostAccount.bytes(original + "T00:00:00Z"))
                .set(FocusLine.CHARGE_PERIOD_END, CostAccount.bytes(original.plusDays(1) + "T00:00:00Z"))
                .set(FocusLine.CHARGE_CLASS, "Correction").set(FocusLine.PRICING_CATEGORY, (byte[]) null)
                .set(FocusLine.CHARGE_DESCRIPTION, "Refund of 50% of the charge of " + original + " (service level credit, "
                        + YearMonth.from(original) + ")");
        row.num(FocusLine.LIST_COST, -(quantity * r.listUnit / 2)).num(FocusLine.CONTRACTED_COST, -(quantity * r.contractedUnit / 2));
        row.costs(-(quantity * r.contractedUnit / 2), -(quantity * r.contractedUnit / 2));
        // a correction without quantities has no units either (FOCUS: the unit is null when its quantity is)
        row.set(FocusLine.PRICING_UNIT, (byte[]) null);
        out.write(unconsumed(row));
    }
}
