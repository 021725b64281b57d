package io.cloudwarden.evidence.pack;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What an evidence item is; the wire name is the lower-case constant name ({@code policy_evaluation}). */
public enum EvidenceKind {
    POLICY_EVALUATION, ACCESS_REVIEW, CHANGE_RECORD, APPROVAL, SCAN_RESULT, DOCUMENT;

    /** The lower-case form used in the API, the database and audit entries. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose wire name is {@code name}, if any. */
    public static Optional<EvidenceKind> fromWire(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }

    /** Every wire name, for error messages. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(EvidenceKind::wireName).toList();
    }
}
