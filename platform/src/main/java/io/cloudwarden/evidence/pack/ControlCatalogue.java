package io.cloudwarden.evidence.pack;

import io.cloudwarden.evidence.EvidenceErrorCode;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compliance frameworks and their control ids, loaded from the data files under
 * {@code classpath:evidence/controls} (extracted from Prowler's compliance mappings; see the README there).
 * A control id is written {@code <framework id>:<control id>}, e.g. {@code SOC2:CC6.1},
 * {@code ISO27001:A.5.15} or {@code CIS-AWS-5.0:1.4}; lookups ignore case and return the canonical form.
 * A family ({@code CIS}, {@code SOC2}, {@code ISO27001}, ...) selects every framework of the family.
 * Families listed as unavailable are known by name but have no catalogue: their controls are rejected with
 * {@link EvidenceErrorCode#FRAMEWORK_NOT_AVAILABLE}.
 */
public final class ControlCatalogue {

    private static final String BASE = "evidence/controls/";

    private final Map<String, Framework> frameworks = new LinkedHashMap<>();
    private final Map<String, Framework> byUpperId = new LinkedHashMap<>();
    private final Map<String, Control> byUpperControl = new LinkedHashMap<>();
    private final Map<String, String> unavailable = new LinkedHashMap<>();

    /** A framework (one version of one benchmark or standard) with its controls in catalogue order. */
    public record Framework(String id, String family, String name, String version, String source,
                            List<Control> controls) {
        public Framework {
            controls = List.copyOf(controls);
        }
    }

    /** One control; {@code id} is the full id, {@code framework:control}. */
    public record Control(String id, String framework, String title) {
    }

    /** A framework family without a bundled catalogue. */
    public record UnavailableFamily(String family, String name) {
    }

    private ControlCatalogue() {
    }

    /** Loads the catalogue shipped with the application. */
    public static ControlCatalogue load() {
        JsonMapper json = JsonMapper.builder().build();
        ControlCatalogue catalogue = new ControlCatalogue();
        JsonNode index = read(json, BASE + "frameworks.json");
        for (JsonNode file : index.path("catalogues")) {
            catalogue.add(read(json, BASE + file.asString()));
        }
        for (JsonNode family : index.path("unavailable")) {
            catalogue.unavailable.put(family.path("family").asString().toUpperCase(Locale.ROOT), family.path("name").asString());
        }
        if (catalogue.frameworks.isEmpty()) {
            throw new IllegalStateException("the control catalogue " + BASE + "frameworks.json lists no frameworks");
        }
        return catalogue;
    }

    private void add(JsonNode doc) {
        String id = doc.path("framework").asString();
        JsonNode source = doc.path("source");
        String sourceText = source.path("repository").asString() + "@" + source.path("commit").asString()
                + " (" + source.path("license").asString() + ")";
        List<Control> controls = new ArrayList<>();
        for (JsonNode c : doc.path("controls")) {
            Control control = new Control(id + ":" + c.path("id").asString(), id, c.path("title").asString());
            controls.add(control);
            byUpperControl.put(control.id().toUpperCase(Locale.ROOT), control);
        }
        Framework framework = new Framework(id, doc.path("family").asString(), doc.path("name").asString(),
                doc.path("version").asString(), sourceText, controls);
        frameworks.put(id, framework);
        byUpperId.put(id.toUpperCase(Locale.ROOT), framework);
    }

    private static JsonNode read(JsonMapper json, String path) {
        try (InputStream in = ControlCatalogue.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("control catalogue file " + path + " is missing from the classpath");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every framework with a catalogue, in catalogue order. */
    public Collection<Framework> frameworks() {
        return frameworks.values();
    }

    /** Families known by name without a catalogue. */
    public List<UnavailableFamily> unavailableFamilies() {
        return unavailable.entrySet().stream().map(e -> new UnavailableFamily(e.getKey(), e.getValue())).toList();
    }

    /** The framework with this id (ignoring case). */
    public Optional<Framework> framework(String id) {
        return Optional.ofNullable(id == null ? null : byUpperId.get(id.trim().toUpperCase(Locale.ROOT)));
    }

    /** The control with this full id (ignoring case). */
    public Optional<Control> control(String id) {
        return Optional.ofNullable(id == null ? null : byUpperControl.get(id.trim().toUpperCase(Locale.ROOT)));
    }

    /**
     * The frameworks a filter or request names: one framework id, or a family (every framework of it).
     *
     * @throws CloudwardenException {@code FRAMEWORK_NOT_AVAILABLE} for a family without catalogue,
     *                              {@code UNKNOWN_FRAMEWORK} otherwise
     */
    public List<Framework> resolve(String field, String frameworkOrFamily) {
        String key = frameworkOrFamily == null ? "" : frameworkOrFamily.trim().toUpperCase(Locale.ROOT);
        Framework exact = byUpperId.get(key);
        if (exact != null) {
            return List.of(exact);
        }
        List<Framework> family = frameworks.values().stream()
                .filter(f -> f.family().toUpperCase(Locale.ROOT).equals(key)).toList();
        if (!family.isEmpty()) {
            return family;
        }
        if (unavailable.containsKey(key)) {
            throw new CloudwardenException(EvidenceErrorCode.FRAMEWORK_NOT_AVAILABLE, "no control catalogue of "
                    + unavailable.get(key) + " is bundled yet", List.of(new FieldProblem(field, "has no catalogue")));
        }
        throw new CloudwardenException(EvidenceErrorCode.UNKNOWN_FRAMEWORK, "unknown framework '" + frameworkOrFamily
                + "'; GET /api/v1/evidence/controls lists the frameworks",
                List.of(new FieldProblem(field, "must be a framework id (e.g. SOC2, CIS-AWS-5.0) or a family (CIS)")));
    }

    /**
     * Checks control ids and returns their canonical forms, without duplicates, in the given order.
     *
     * @param field the request field, for problem paths ({@code controls[2]})
     * @throws CloudwardenException {@code UNKNOWN_CONTROL} listing every unknown id, or
     *                              {@code FRAMEWORK_NOT_AVAILABLE} when all problems are controls of families
     *                              without a catalogue
     */
    public List<String> canonical(String field, List<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        List<FieldProblem> unknown = new ArrayList<>();
        boolean onlyUnavailable = true;
        for (int i = 0; i < ids.size(); i++) {
            String raw = ids.get(i);
            Control control = control(raw).orElse(null);
            if (control != null) {
                out.add(control.id());
                continue;
            }
            String path = field + "[" + i + "]";
            String prefix = raw == null || raw.indexOf(':') < 0 ? "" : raw.substring(0, raw.indexOf(':')).trim();
            String upper = prefix.toUpperCase(Locale.ROOT);
            if (unavailable.containsKey(upper)) {
                unknown.add(new FieldProblem(path, "'" + raw + "': no control catalogue of " + unavailable.get(upper)
                        + " is bundled yet"));
                continue;
            }
            onlyUnavailable = false;
            if (byUpperId.containsKey(upper)) {
                unknown.add(new FieldProblem(path, "'" + raw + "' is not a control of " + byUpperId.get(upper).id()
                        + "; GET /api/v1/evidence/controls?framework=" + byUpperId.get(upper).id() + " lists them"));
            } else {
                unknown.add(new FieldProblem(path, "'" + raw + "' names no known framework; write <framework>:<control>, "
                        + "e.g. SOC2:CC6.1"));
            }
        }
        if (!unknown.isEmpty()) {
            if (onlyUnavailable) {
                throw new CloudwardenException(EvidenceErrorCode.FRAMEWORK_NOT_AVAILABLE,
                        "controls of a framework without a bundled catalogue", unknown);
            }
            throw new CloudwardenException(EvidenceErrorCode.UNKNOWN_CONTROL,
                    unknown.size() == 1 ? "unknown control: " + unknown.get(0).message()
                            : unknown.size() + " unknown controls", unknown);
        }
        return List.copyOf(out);
    }

    /** The framework id part of a canonical control id. */
    public static String frameworkOf(String controlId) {
        int colon = controlId.indexOf(':');
        return colon < 0 ? controlId : controlId.substring(0, colon);
    }
}
