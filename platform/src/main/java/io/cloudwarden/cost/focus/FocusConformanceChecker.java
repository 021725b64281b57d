package io.cloudwarden.cost.focus;

import io.cloudwarden.cost.focus.ConformanceReport.RuleResult;
import io.cloudwarden.cost.focus.ConformanceReport.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks FOCUS rows against the FOCUS 1.2 conformance model ({@code cost/focus/model-1.2.json}, from the
 * FinOps Foundation's focus_validator): the CheckFunction trees of the model's rules are compiled once into
 * row predicates (after {@link ModelPreparation}: the errata in {@code cost/focus/model-1.2-errata.json}, nested
 * rules inheriting their parent's condition), and a {@link Session} streams rows through them, counting passes
 * and failures per rule.
 * What is and is not checked is listed in docs/cost/conformance.md. Thread-safe; sessions are not.
 */
@Component
public final class FocusConformanceChecker {

    private static final int MAX_FAILING_ROWS = 20;
    private static final FocusColumn[] COLUMNS = FocusColumn.values();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<ConformanceModel.CompiledRule> rules;

    public FocusConformanceChecker() {
        this.rules = ConformanceModel.load();
    }

    /** A session with no provider capabilities declared: rules with ApplicabilityCriteria are NOT_APPLICABLE. */
    public Session begin() {
        return begin(Set.of());
    }

    /**
     * A session for a provider declaring the given capabilities (model ApplicabilityCriteria names such as
     * {@code COMMITMENT_DISCOUNT_SUPPORTED}); rules whose criteria are all declared are checked.
     */
    public Session begin(Set<String> applicability) {
        return new Session(applicability, true);
    }

    /** Like {@link #begin(Set)}, optionally without the per-row result cache (to test that the cache changes nothing). */
    Session begin(Set<String> applicability, boolean cache) {
        return new Session(applicability, cache);
    }

    /**
     * Text columns that are (nearly) unique per row; a rule reading one, a number or JSON is evaluated for every row
     * rather than looked up in the {@link Session}'s cache (dates repeat: a day's rows share them).
     */
    private static final Set<FocusColumn> PER_ROW = java.util.EnumSet.of(FocusColumn.RESOURCE_ID, FocusColumn.RESOURCE_NAME,
            FocusColumn.CHARGE_DESCRIPTION, FocusColumn.COMMITMENT_DISCOUNT_ID, FocusColumn.CAPACITY_RESERVATION_ID);
    private static final int CACHE_LIMIT = 50_000;

    /** The values of a row's signature columns, as a cache key. */
    private record Signature(String[] values, int hash) {
        Signature(String[] values) {
            this(values, java.util.Arrays.hashCode(values));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Signature other && hash == other.hash && java.util.Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** One pass over a dataset. */
    public final class Session {

        private final boolean[] applicable;
        private final long[] passed;
        private final long[] failed;
        private final long[] skipped;
        private final List<List<Long>> failingRows = new ArrayList<>();
        private final byte[] memo;
        private final boolean[] present = new boolean[COLUMNS.length];
        private final int[] active;
        private final ConformanceModel.Ctx ctx;
        private long rows;

        /** Active rules reading only signature columns, and those columns: rows with equal values share their results. */
        private final int[] cacheable;
        private final FocusColumn[] signature;
        private final Map<Signature, byte[]> cache = new java.util.HashMap<>();

        private Session(Set<String> applicability, boolean useCache) {
            int n = rules.size();
            applicable = new boolean[n];
            passed = new long[n];
            failed = new long[n];
            skipped = new long[n];
            memo = new byte[n];
            ConformanceModel.Node[] checks = new ConformanceModel.Node[n];
            ConformanceModel.Node[] conditions = new ConformanceModel.Node[n];
            List<Integer> act = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ConformanceModel.CompiledRule r = rules.get(i);
                applicable[i] = applicability.containsAll(r.criteria());
                failingRows.add(new ArrayList<>());
                if (applicable[i] && r.rowCheck() != null) {
                    checks[i] = r.rowCheck();
                    conditions[i] = r.condition();
                    act.add(i);
                }
            }
            active = act.stream().mapToInt(Integer::intValue).toArray();
            ctx = new ConformanceModel.Ctx(memo, checks, conditions);
            List<Integer> cached = new ArrayList<>();
            Set<FocusColumn> signed = java.util.EnumSet.noneOf(FocusColumn.class);
            for (int i : active) {
                Set<FocusColumn> reads = rules.get(i).columns();
                if (useCache && reads.stream().allMatch(c -> c.type() != FocusColumn.Type.DECIMAL && c.type() != FocusColumn.Type.JSON
                        && !PER_ROW.contains(c))) {
                    cached.add(i);
                    signed.addAll(reads);
                }
            }
            cacheable = cached.stream().mapToInt(Integer::intValue).toArray();
            signature = signed.toArray(FocusColumn[]::new);
        }

        /** Checks one row. */
        public void check(FocusRow row) {
            rows++;
            for (FocusColumn c : COLUMNS) {
                if (!present[c.ordinal()] && row.get(c) != null) {
                    present[c.ordinal()] = true;
                }
            }
            java.util.Arrays.fill(memo, (byte) 0);
            java.util.Arrays.fill(ctx.decimalOk, (byte) 0);
            java.util.Arrays.fill(ctx.dateTimeOk, (byte) 0);
            java.util.Arrays.fill(ctx.decimals, null);
            ctx.row = row;
            Signature key = null;
            if (cacheable.length > 0) {
                String[] values = new String[signature.length];
                for (int j = 0; j < signature.length; j++) {
                    values[j] = row.get(signature[j]);
                }
                key = new Signature(values);
                byte[] known = cache.get(key);
                if (known != null) {
                    for (int j = 0; j < cacheable.length; j++) {
                        memo[cacheable[j]] = known[j];
                    }
                    key = null;
                }
            }
            for (int i : active) {
                byte result = ctx.result(i);
                if (result == ConformanceModel.PASS) {
                    passed[i]++;
                } else if (result == ConformanceModel.FAIL) {
                    failed[i]++;
                    List<Long> f = failingRows.get(i);
                    if (f.size() < MAX_FAILING_ROWS) {
                        f.add(row.sourceRow());
                    }
                } else {
                    skipped[i]++;
                }
            }
            if (key != null) {
                byte[] results = new byte[cacheable.length];
                for (int j = 0; j < cacheable.length; j++) {
                    results[j] = memo[cacheable[j]];
                }
                if (cache.size() >= CACHE_LIMIT) {
                    cache.clear();
                }
                cache.put(key, results);
            }
        }

        /** The report; presence rules are decided here (a column is present when any row had a value). */
        public ConformanceReport finish() {
            List<RuleResult> out = new ArrayList<>(rules.size());
            for (int i = 0; i < rules.size(); i++) {
                ConformanceModel.CompiledRule r = rules.get(i);
                Status status;
                String note = r.note();
                long p = passed[i];
                long f = failed[i];
                if (!applicable[i]) {
                    status = Status.NOT_APPLICABLE;
                    note = "depends on provider capabilities " + r.criteria();
                } else if (r.presenceOf() != null) {
                    boolean ok = present[r.presenceOf().ordinal()];
                    status = ok ? Status.PASSED : Status.FAILED;
                    p = ok ? 1 : 0;
                    f = ok ? 0 : 1;
                    note = "dataset-level: " + r.presenceOf().id() + (ok ? " has values" : " has no value in any row");
                } else if (r.rowCheck() == null) {
                    status = Status.NOT_IMPLEMENTED;
                } else {
                    status = f > 0 ? Status.FAILED : Status.PASSED;
                }
                out.add(new RuleResult(r.id(), r.description(), r.keyword(), status, p, f, skipped[i],
                        List.copyOf(failingRows.get(i)), note));
            }
            return new ConformanceReport(rows, List.copyOf(out));
        }
    }

    static Map<String, Object> readModel() {
        try (InputStream in = FocusConformanceChecker.class.getClassLoader().getResourceAsStream("cost/focus/model-1.2.json")) {
            if (in == null) {
                throw new IllegalStateException("missing cost/focus/model-1.2.json");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = JSON.readValue(in, LinkedHashMap.class);
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> currencyCodes() {
        try (InputStream in = FocusConformanceChecker.class.getClassLoader().getResourceAsStream("cost/focus/currency_codes.csv")) {
            Set<String> codes = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String[] f = line.split(",");
                String code = f[f.length - 1].strip().replace("\"", "");
                if (code.length() == 3) {
                    codes.add(code);
                }
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isDecimal(String v) {
        try {
            new BigDecimal(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static Map<String, Object> asMap(Object o) {
        if (o instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) m;
            return r;
        }
        return new HashMap<>();
    }
}
