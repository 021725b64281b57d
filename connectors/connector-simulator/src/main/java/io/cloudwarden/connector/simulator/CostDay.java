package io.cloudwarden.connector.simulator;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Generates the FOCUS rows of one charge day of one account, a resource at a time, so a file streams with
 * bounded memory: each resource's usage (covered by the reservation or the savings plan while they have room,
 * otherwise on demand) and egress, then the day's other charges ({@link CostDayCharges}). Weekly seasonality:
 * less usage on weekends and dev machines shut down; growth: usage rises over time and resources appear on their
 * creation day. A pure function of the catalog and the day.
 */
final class CostDay {

    private static final double[] WEEKDAY = {1.0, 1.04, 1.06, 1.05, 0.98, 0.62, 0.55};
    private static final long GROWTH_ORIGIN = Slot.EPOCH.getEpochSecond() / 86_400;

    final CostCatalog catalog;
    final LocalDate date;
    final long day;
    final boolean withAnomalies;
    final FocusLine line = new FocusLine();
    final byte[] start;
    final byte[] end;
    final byte[] periodStart;
    final byte[] periodEnd;
    final byte[] invoiceId;
    final long reservationTerm;
    final long savingsPlanTerm;
    final byte[][] reservationColumns;
    final byte[][] savingsPlanColumns;
    final int reservedCapacity;
    int reservedUsed;
    long savingsPlanRemaining;
    /** Billed cost of the day's usage and purchases, the base of its tax row. */
    long taxable;
    private int next;
    private CostDayCharges charges;

    CostDay(CostCatalog catalog, LocalDate date, boolean invoiced, boolean withAnomalies) {
        this.catalog = catalog;
        this.date = date;
        this.day = date.toEpochDay();
        this.withAnomalies = withAnomalies;
        this.start = CostAccount.bytes(date + "T00:00:00Z");
        this.end = CostAccount.bytes(date.plusDays(1) + "T00:00:00Z");
        YearMonth month = YearMonth.from(date);
        this.periodStart = CostAccount.bytes(month.atDay(1) + "T00:00:00Z");
        this.periodEnd = CostAccount.bytes(month.plusMonths(1).atDay(1) + "T00:00:00Z");
        this.invoiceId = invoiced ? CostAccount.bytes(invoice(catalog.account, month)) : null;
        CostCommitments c = catalog.commitments;
        this.reservationTerm = c.reservedDayEffective > 0 ? CostCommitments.term(CostCommitments.RESERVATION_ANCHOR, date) : -1;
        this.savingsPlanTerm = c.savingsPlanDaily > 0 ? CostCommitments.term(CostCommitments.SAVINGS_PLAN_ANCHOR, date) : -1;
        this.savingsPlanRemaining = savingsPlanTerm >= 0 ? c.savingsPlanDaily : 0;
        this.reservationColumns = reservationTerm >= 0 ? CostDayCharges.reservationColumns(catalog, reservationTerm) : null;
        this.savingsPlanColumns = savingsPlanTerm >= 0 ? CostDayCharges.savingsPlanColumns(catalog, savingsPlanTerm) : null;
        this.reservedCapacity = reservationTerm >= 0 ? c.reservedCapacity(reservationTerm) : 0;
    }

    static String invoice(CostAccount account, YearMonth month) {
        long h = DeterministicHash.mix(account.billingAccountId.hashCode() * 1_000_003L + month.hashCode());
        return "INV-" + month.toString().replace("-", "") + "-" + DeterministicHash.hex(h, 8).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Writes the rows of the next resource, or the day's closing charges once all resources are done.
     *
     * @return false once the day is complete
     */
    boolean writeNext(FocusCsvWriter out) throws IOException {
        if (next < catalog.resources.size()) {
            resource(catalog.resources.get(next++), out);
            return true;
        }
        if (charges == null) {
            charges = new CostDayCharges(this);
            charges.write(out);
        }
        return false;
    }

    /** Starts a row from {@code template} with this day's periods and invoice. */
    FocusLine begin(byte[][] template) {
        line.reset(template);
        line.set(FocusLine.CHARGE_PERIOD_START, start).set(FocusLine.CHARGE_PERIOD_END, end);
        line.set(FocusLine.BILLING_PERIOD_START, periodStart).set(FocusLine.BILLING_PERIOD_END, periodEnd);
        return line.set(FocusLine.INVOICE_ID, invoiceId);
    }

    private void resource(CostResource r, FocusCsvWriter out) throws IOException {
        if (!r.alive(day) || (r.dev && r.profile.compute() && weekend())) {
            return;
        }
        FocusLine row = begin(r.usage).priced(quantity(r, day), r.listUnit, r.contractedUnit);
        CostCommitments c = catalog.commitments;
        if (reservedUsed < reservedCapacity && c.reservable(r)) {
            reservedUsed++;
            row.costs(0, c.reservedDayEffective);
            CostDayCharges.commitment(row, reservationColumns).set(FocusLine.COMMITMENT_STATUS, CostDayCharges.USED)
                    .num(FocusLine.COMMITMENT_QUANTITY, 24 * 1_000_000_000L)
                    .set(FocusLine.PRICING_CATEGORY, CostDayCharges.COMMITTED);
        } else if (savingsPlanTerm >= 0 && r.profile.flexible() && !c.reservable(r)) {
            long covered = row.num(FocusLine.CONTRACTED_COST) * CostCommitments.SAVINGS_PLAN_RATE_PERCENT / 100;
            if (covered > 0 && covered <= savingsPlanRemaining) {
                savingsPlanRemaining -= covered;
                row.costs(0, covered);
                CostDayCharges.commitment(row, savingsPlanColumns).set(FocusLine.COMMITMENT_STATUS, CostDayCharges.USED)
                        .num(FocusLine.COMMITMENT_QUANTITY, covered).set(FocusLine.PRICING_CATEGORY, CostDayCharges.COMMITTED);
            }
        }
        taxable += row.num(FocusLine.BILLED_COST);
        out.write(row);
        if (r.egressGb > 0) {
            long gb = Math.max(1, Math.round(r.egressGb * variation(r, day)));
            if (withAnomalies) {
                for (CostCatalog.PlannedAnomaly a : catalog.anomalies) {
                    if (a.active(r, day)) {
                        gb += a.extraGb();
                    }
                }
            }
            FocusLine e = begin(r.egress).priced(gb, CostResource.EGRESS_LIST, r.egressContractedUnit);
            taxable += e.num(FocusLine.BILLED_COST);
            out.write(e);
        }
    }

    boolean weekend() {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The resource's usage on {@code epochDay}, in its pricing unit. */
    static long quantity(CostResource r, long epochDay) {
        return switch (r.profile.unit()) {
            case HOURS -> 24;
            case GB_HOURS -> 24 * (r.profile.subcategory().equals("Object Storage")
                    ? Math.max(1, Math.round(r.baseQuantity * growth(epochDay))) : r.baseQuantity);
            case REQUESTS -> Math.max(1, Math.round(r.baseQuantity * variation(r, epochDay)));
        };
    }

    /** Weekly seasonality times growth times +-10% noise. */
    static double variation(CostResource r, long epochDay) {
        double noise = 0.9 + 0.2 * DeterministicHash.unit(DeterministicHash.mix(r.hash ^ epochDay * 0x9E3779B97F4A7C15L));
        return WEEKDAY[(int) Math.floorMod(epochDay + 3, 7L)] * growth(epochDay) * noise;
    }

    /** About +35% a year, relative to the simulation epoch. */
    static double growth(long epochDay) {
        return Math.max(0.3, 1.0 + 0.35 * (epochDay - GROWTH_ORIGIN) / 365.0);
    }
}
