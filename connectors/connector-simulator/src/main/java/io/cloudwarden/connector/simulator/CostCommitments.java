package io.cloudwarden.connector.simulator;

import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The commitments of a simulated account. A one-year, all-upfront reservation (usage commitment) for the most
 * common compute size and region, renewed every year from {@link #RESERVATION_ANCHOR}, sized at the start of each
 * term to 110% of the matching instances then running; and a one-year savings plan (spend commitment) renewed
 * from {@link #SAVINGS_PLAN_ANCHOR} and paid monthly. Dates are absolute, so a file's content does not depend on
 * the simulation's "today". Amounts are whole nanos per day, so amortization sums are exact.
 */
final class CostCommitments {

    static final LocalDate RESERVATION_ANCHOR = LocalDate.of(2024, 12, 1);
    static final LocalDate SAVINGS_PLAN_ANCHOR = LocalDate.of(2025, 1, 1);
    /** Reservation: effective price is 60% of the contracted on-demand price. */
    static final long RESERVATION_RATE_PERCENT = 60;
    /** Savings plan: effective price is 72% of the contracted on-demand price. */
    static final long SAVINGS_PLAN_RATE_PERCENT = 72;

    private final List<CostResource> resources;
    private final DeterministicHash hash;
    final String reservedRegion;
    final String reservedSize;
    /** Effective cost of one reserved instance-day; 0 when there is no reservation. */
    final long reservedDayEffective;
    final long reservedHourlyList;
    final long reservedHourlyContracted;
    /** Savings plan commitment per day; 0 when there is none. */
    final long savingsPlanDaily;
    private final Map<Long, Integer> capacityByTerm = new ConcurrentHashMap<>();

    CostCommitments(List<CostResource> resources, DeterministicHash hash) {
        this.resources = resources;
        this.hash = hash;
        Map<String, Integer> counts = new TreeMap<>();
        for (CostResource r : resources) {
            if (r.profile.compute() && r.size != null && r.region != null) {
                counts.merge(r.region + "|" + r.size, 1, Integer::sum);
            }
        }
        String best = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        CostResource sample = best == null ? null : resources.stream()
                .filter(r -> (r.region + "|" + r.size).equals(best) && r.profile.compute()).findFirst().orElseThrow();
        reservedRegion = sample == null ? null : sample.region;
        reservedSize = sample == null ? null : sample.size;
        reservedHourlyList = sample == null ? 0 : sample.listUnit;
        reservedHourlyContracted = sample == null ? 0 : sample.contractedUnit;
        reservedDayEffective = 24 * (reservedHourlyContracted * RESERVATION_RATE_PERCENT / 100);
        long start = SAVINGS_PLAN_ANCHOR.toEpochDay();
        long flexibleDaily = 0;
        for (CostResource r : resources) {
            if (r.profile.flexible() && !reservable(r) && r.alive(start)) {
                flexibleDaily += r.typicalDailyQuantity() * r.contractedUnit;
            }
        }
        savingsPlanDaily = 24 * (flexibleDaily * SAVINGS_PLAN_RATE_PERCENT / 100 * 6 / 10 / 24);
    }

    /** Whether the reservation can cover {@code r}. */
    boolean reservable(CostResource r) {
        return reservedSize != null && r.profile.compute() && reservedSize.equals(r.size)
                && reservedRegion.equals(r.region);
    }

    /** The reservation term (0 = the one starting at the anchor) in force on {@code day}, or -1 before any. */
    static long term(LocalDate anchor, LocalDate day) {
        if (day.isBefore(anchor)) {
            return -1;
        }
        long n = day.getYear() - anchor.getYear();
        while (!anchor.plusYears(n).isAfter(day)) {
            n++;
        }
        return n - 1;
    }

    static LocalDate termStart(LocalDate anchor, long term) {
        return anchor.plusYears(term);
    }

    static long termDays(LocalDate anchor, long term) {
        return anchor.plusYears(term + 1).toEpochDay() - anchor.plusYears(term).toEpochDay();
    }

    /** Reserved instances in {@code term}: 110% of the matching instances running at its start, at least one. */
    int reservedCapacity(long term) {
        return capacityByTerm.computeIfAbsent(term, t -> {
            long start = termStart(RESERVATION_ANCHOR, t).toEpochDay();
            long running = resources.stream().filter(r -> reservable(r) && r.alive(start)).count();
            return (int) Math.max(1, (running * 11 + 9) / 10);
        });
    }

    /** Upfront price of the reservation of {@code term}. */
    long reservationPrice(long term) {
        return reservedCapacity(term) * reservedDayEffective * termDays(RESERVATION_ANCHOR, term);
    }

    String reservationId(SimulatedCloud cloud, String account, long term) {
        String guid = guid(hash.hash(-11, 0x5249, term));
        return switch (cloud) {
            case AWS -> "arn:aws:ec2:" + reservedRegion + ":" + account + ":reserved-instances/" + guid;
            case AZURE -> "/providers/Microsoft.Capacity/reservationOrders/" + guid(hash.hash(-12, 0x5249, term))
                    + "/reservations/" + guid;
            case GCP -> "projects/" + account + "/regions/" + reservedRegion + "/commitments/cud-" + guid.substring(0, 8);
        };
    }

    String savingsPlanId(SimulatedCloud cloud, String account, String billingAccount, long term) {
        String guid = guid(hash.hash(-13, 0x5350, term));
        return switch (cloud) {
            case AWS -> "arn:aws:savingsplans::" + account + ":savingsplan/" + guid;
            case AZURE -> "/providers/Microsoft.BillingBenefits/savingsPlanOrders/" + guid(hash.hash(-14, 0x5350, term))
                    + "/savingsPlans/" + guid;
            case GCP -> "billingAccounts/" + billingAccount + "/commitments/flex-cud-" + guid.substring(0, 8);
        };
    }

    private static String guid(long h) {
        String a = DeterministicHash.hex(h, 16);
        String b = DeterministicHash.hex(DeterministicHash.mix(h), 16);
        return a.substring(0, 8) + "-" + a.substring(8, 12) + "-4" + a.substring(13, 16) + "-8" + b.substring(1, 4)
                + "-" + b.substring(4, 16);
    }
}
