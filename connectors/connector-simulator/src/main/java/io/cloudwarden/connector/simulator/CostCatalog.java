package io.cloudwarden.connector.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Everything the cost files of one simulated account are generated from: the billing identity, the resources
 * that carry cost (a deterministic, evenly spread sample of the inventory's billable resources at sync 1, sized
 * by {@code costRowsPerDay}), the commitments and the injected anomalies. Built once per connector, on first use;
 * it holds resources, never rows.
 */
final class CostCatalog {

    /** Anomalies are planned per window of this many days, counted from {@link #ANOMALY_ANCHOR}. */
    private static final int ANOMALY_WINDOW = 75;
    private static final LocalDate ANOMALY_ANCHOR = LocalDate.of(2024, 6, 1);
    private static final LocalDate ANOMALY_END = LocalDate.of(2027, 1, 1);

    final SimulatorSettings settings;
    final CostAccount account;
    final List<CostResource> resources;
    final CostCommitments commitments;
    final List<PlannedAnomaly> anomalies;
    final DeterministicHash hash;

    /**
     * An anomaly as the generator applies it.
     *
     * @param resource the resource whose egress rises
     * @param kind     its shape
     * @param first    first day (epoch day)
     * @param last     last day (epoch day), inclusive
     * @param extraGb  extra egress per day
     */
    record PlannedAnomaly(CostResource resource, CostAnomaly.Kind kind, long first, long last, long extraGb) {

        boolean active(CostResource r, long day) {
            return r == resource && day >= first && day <= last;
        }
    }

    CostCatalog(SimulatorSettings settings) {
        this.settings = settings;
        this.account = new CostAccount(settings);
        this.hash = new DeterministicHash(settings.seed(), settings.accountId());
        this.resources = sample(settings, account, Math.max(1, settings.costRowsPerDay() * 4 / 5));
        this.commitments = new CostCommitments(resources, hash);
        this.anomalies = plan();
    }

    private static List<CostResource> sample(SimulatorSettings settings, CostAccount account, int wanted) {
        record Candidate(long rank, CostResource resource) {
        }
        PriorityQueue<Candidate> kept = new PriorityQueue<>(Comparator.comparingLong(Candidate::rank).reversed());
        EstateCursor cursor = new EstateCursor(settings, 1);
        EstateCursor.RenderedResource next;
        while ((next = cursor.advance()) != null) {
            CostProfile profile = CostProfile.of(next.slot().kind());
            if (profile == null || stopped(profile, next.draft())) {
                continue;
            }
            long rank = next.slot().h(0x50494B) >>> 1;
            if (kept.size() < wanted || rank < kept.peek().rank()) {
                kept.add(new Candidate(rank, new CostResource(next, profile, account)));
                if (kept.size() > wanted) {
                    kept.poll();
                }
            }
        }
        List<CostResource> list = new ArrayList<>(kept.stream().map(Candidate::resource).toList());
        list.sort(Comparator.comparingLong(r -> r.index));
        return List.copyOf(list);
    }

    /** Stopped machines and databases bill no compute time (their disks still bill). */
    private static boolean stopped(CostProfile profile, ResourceDraft draft) {
        return (profile.compute() || profile.category().equals("Databases"))
                && draft.labels.contains(GroundTruthLabel.IDLE);
    }

    private List<PlannedAnomaly> plan() {
        List<PlannedAnomaly> planned = new ArrayList<>();
        List<CostResource> candidates = resources.stream().filter(r -> r.egressGb > 0).toList();
        long anchor = ANOMALY_ANCHOR.toEpochDay();
        for (long w = 0; anchor + w * ANOMALY_WINDOW < ANOMALY_END.toEpochDay(); w++) {
            long h = hash.hash(-21, 0x414E4F, w);
            if (DeterministicHash.unit(h) >= 0.8) {
                continue;
            }
            boolean spike = DeterministicHash.unit(Long.rotateLeft(h, 8)) < 0.5;
            long first = anchor + w * ANOMALY_WINDOW + DeterministicHash.pick(h >>> 16, ANOMALY_WINDOW - 25);
            long last = first + (spike ? DeterministicHash.pick(h >>> 24, 2) : 10 + DeterministicHash.pick(h >>> 24, 11));
            List<CostResource> alive = candidates.stream().filter(r -> r.alive(first)).toList();
            if (alive.isEmpty()) {
                continue;
            }
            CostResource target = alive.get(DeterministicHash.pick(h >>> 32, alive.size()));
            double factor = spike ? 0.6 + 0.6 * DeterministicHash.unit(Long.rotateLeft(h, 40)) : 0.15 + 0.15 * DeterministicHash.unit(Long.rotateLeft(h, 40));
            long extraGb = Math.max(50, Math.round(dailyContracted(first) * factor / target.egressContractedUnit));
            planned.add(new PlannedAnomaly(target, spike ? CostAnomaly.Kind.SPIKE : CostAnomaly.Kind.LEVEL_SHIFT,
                    first, last, extraGb));
        }
        return List.copyOf(planned);
    }

    /** Contracted cost of a typical day's usage of the resources alive on {@code day}, in nanos. */
    private long dailyContracted(long day) {
        long sum = 0;
        for (CostResource r : resources) {
            if (r.alive(day)) {
                sum += r.typicalDailyQuantity() * r.contractedUnit;
            }
        }
        return sum;
    }

    /** The injected anomalies as ground truth, clipped to the days {@code from} to {@code to}, by start day. */
    List<CostAnomaly> groundTruth(LocalDate from, LocalDate to) {
        List<CostAnomaly> truth = new ArrayList<>();
        for (PlannedAnomaly a : anomalies) {
            long first = Math.max(a.first(), from.toEpochDay());
            long last = Math.min(a.last(), to.toEpochDay());
            if (first <= last) {
                BigDecimal extra = BigDecimal.valueOf((last - first + 1) * a.extraGb() * a.resource().egressContractedUnit, 9);
                truth.add(new CostAnomaly(account.billingAccountId, account.subAccountId, a.resource().profile.serviceName(),
                        a.resource().nativeId, LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last),
                        extra.stripTrailingZeros(), "USD", a.kind()));
            }
        }
        return List.copyOf(truth);
    }
}
