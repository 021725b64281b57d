package io.cloudwarden.cost.focus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prepares the FOCUS 1.2 model's rules before they are compiled:
 * <ol>
 * <li>applies {@code cost/focus/model-1.2-errata.json}: rules whose CheckFunction encoding contradicts their own
 * MustSatisfy text (and the spec) get a corrected Requirement or Condition, or are marked not machine-checkable;</li>
 * <li>marks conditional rules ({@code -C}) whose condition the model leaves out and whose requirement is a bare
 * null check (e.g. "InvoiceId MUST be null when the charge is not associated with an invoice") as not
 * machine-checkable: evaluating them without their condition would fail every row of one kind or the other;</li>
 * <li>folds the conditions of nesting rules into the rules they reference: in the spec a rule nested under
 * "When X, ... adheres to the following additional requirements" applies only when X holds, also when it is
 * evaluated on its own. A rule referenced by any unconditional parent inherits nothing.</li>
 * </ol>
 * The result is a copy; the model resource is never modified.
 */
final class ModelPreparation {

    /** Key set on a rule that must be reported NOT_IMPLEMENTED; its value is the reason. */
    static final String NOT_MACHINE_CHECKABLE = "CloudwardenNotMachineCheckable";
    /** Key set on a rule whose encoding was corrected; its value says why. */
    static final String CORRECTED = "CloudwardenCorrected";

    private final Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
    private final Map<String, List<String>> parents = new HashMap<>();
    private final Map<String, Map<String, Object>> effective = new HashMap<>();

    private ModelPreparation(Map<String, Object> modelRules) {
        modelRules.forEach((id, r) -> rules.put(id, copy(FocusConformanceChecker.asMap(r))));
    }

    /** The prepared copy of the model's ModelRules. */
    static Map<String, Object> prepare(Map<String, Object> modelRules) {
        return prepare(modelRules, readErrata());
    }

    static Map<String, Object> prepare(Map<String, Object> modelRules, Map<String, Object> errata) {
        ModelPreparation p = new ModelPreparation(modelRules);
        p.applyErrata(errata);
        p.markUnencodedConditions();
        p.foldParentConditions();
        return new LinkedHashMap<>(p.rules);
    }

    private void applyErrata(Map<String, Object> errata) {
        errata.forEach((id, e) -> {
            Map<String, Object> rule = rules.get(id);
            if (rule == null || id.startsWith("_")) {
                return;
            }
            Map<String, Object> fix = FocusConformanceChecker.asMap(e);
            Map<String, Object> vc = criteria(rule);
            if (fix.containsKey("NotMachineCheckable")) {
                rule.put(NOT_MACHINE_CHECKABLE, fix.get("NotMachineCheckable"));
                return;
            }
            if (fix.containsKey("Requirement")) {
                vc.put("Requirement", fix.get("Requirement"));
            }
            if (fix.containsKey("Condition")) {
                vc.put("Condition", fix.get("Condition"));
            }
            rule.put(CORRECTED, fix.get("Why"));
        });
    }

    private void markUnencodedConditions() {
        rules.forEach((id, rule) -> {
            Map<String, Object> vc = criteria(rule);
            Map<String, Object> req = FocusConformanceChecker.asMap(vc.get("Requirement"));
            Object fn = req.get("CheckFunction");
            boolean nullCheck = ("CheckValue".equals(fn) || "CheckNotValue".equals(fn)) && req.containsKey("Value")
                    && req.get("Value") == null;
            boolean noCriteria = !(rule.get("ApplicabilityCriteria") instanceof List<?> l) || l.isEmpty();
            if (id.endsWith("-C") && nullCheck && noCriteria && FocusConformanceChecker.asMap(vc.get("Condition")).isEmpty()
                    && !rule.containsKey(NOT_MACHINE_CHECKABLE)) {
                rule.put(NOT_MACHINE_CHECKABLE, "the rule's condition (\"" + vc.get("MustSatisfy")
                        + "\") is not encoded in the model and is not in the row's data");
            }
        });
    }

    private void foldParentConditions() {
        rules.forEach((id, rule) -> references(FocusConformanceChecker.asMap(criteria(rule).get("Requirement")))
                .forEach(child -> parents.computeIfAbsent(child, k -> new ArrayList<>()).add(id)));
        Map<String, Map<String, Object>> inherited = new HashMap<>();
        for (String id : rules.keySet()) {
            inherited.put(id, inherited(id, new HashSet<>()));
        }
        inherited.forEach((id, cond) -> {
            if (cond != null) {
                Map<String, Object> vc = criteria(rules.get(id));
                Map<String, Object> own = FocusConformanceChecker.asMap(vc.get("Condition"));
                vc.put("Condition", own.isEmpty() ? cond : and(List.of(own, cond)));
            }
        });
    }

    /** The condition {@code id} inherits from the rules referencing it, or null if none (or any is unconditional). */
    private Map<String, Object> inherited(String id, Set<String> visiting) {
        List<String> ps = parents.getOrDefault(id, List.of());
        if (ps.isEmpty() || !visiting.add(id)) {
            return null;
        }
        List<Object> alternatives = new ArrayList<>();
        for (String p : ps) {
            Map<String, Object> cond = effectiveCondition(p, visiting);
            if (cond == null) {
                visiting.remove(id);
                return null;
            }
            alternatives.add(cond);
        }
        visiting.remove(id);
        return alternatives.size() == 1 ? FocusConformanceChecker.asMap(alternatives.get(0))
                : new LinkedHashMap<>(Map.of("CheckFunction", "OR", "Items", alternatives));
    }

    /** A rule's own condition AND what it inherits (null if unconditional), before any folding. */
    private Map<String, Object> effectiveCondition(String id, Set<String> visiting) {
        if (effective.containsKey(id)) {
            return effective.get(id);
        }
        Map<String, Object> own = FocusConformanceChecker.asMap(criteria(rules.get(id)).get("Condition"));
        Map<String, Object> up = inherited(id, visiting);
        Map<String, Object> result = own.isEmpty() ? up : up == null ? own : and(List.of(own, up));
        effective.put(id, result);
        return result;
    }

    private static Map<String, Object> and(List<Object> items) {
        return new LinkedHashMap<>(Map.of("CheckFunction", "AND", "Items", items));
    }

    private static Set<String> references(Map<String, Object> node) {
        Set<String> out = new HashSet<>();
        if ("CheckModelRule".equals(node.get("CheckFunction"))) {
            out.add(String.valueOf(node.get("ModelRuleId")));
        }
        if (node.get("Items") instanceof List<?> items) {
            items.forEach(i -> out.addAll(references(FocusConformanceChecker.asMap(i))));
        }
        return out;
    }

    private static Map<String, Object> criteria(Map<String, Object> rule) {
        return FocusConformanceChecker.asMap(rule.get("ValidationCriteria"));
    }

    /** A copy of the rule with its own ValidationCriteria map, so corrections do not touch the model. */
    private static Map<String, Object> copy(Map<String, Object> rule) {
        Map<String, Object> r = new LinkedHashMap<>(rule);
        r.put("ValidationCriteria", new LinkedHashMap<>(criteria(rule)));
        return r;
    }

    static Map<String, Object> readErrata() {
        try (InputStream in = ModelPreparation.class.getClassLoader().getResourceAsStream("cost/focus/model-1.2-errata.json")) {
            if (in == null) {
                throw new IllegalStateException("missing cost/focus/model-1.2-errata.json");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = FocusConformanceChecker.JSON.readValue(in, LinkedHashMap.class);
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
