package io.cloudwarden.cost.ingest;

import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Folds the columns in which a cost export carries its tags into the FOCUS {@code Tags} object
 * (docs/cost/formats.md, "Tags"). Which columns carry tags, and under which keys, is worked out once from the
 * header; per row only the tag columns are read: a one-tag-per-column value is quoted, a tag object or label list
 * is read by {@link TagText}. Keys keep the provider's case. When several sources give the same key the
 * resource's own tag wins over an inherited one (GCP project labels), as FOCUS finalised tags do. Text that is
 * not a tag object or label list leaves that column's tags out, keeps the row, and is reported as a warning with
 * the raw text. One instance per file; not thread-safe.
 */
final class TagColumns {

    /** The prefix given to GCP system labels (provider-defined; GCP label keys cannot contain '/'). */
    static final String GCP_SYSTEM_PREFIX = "system/";
    private static final int MAX_EXAMPLES = 5;

    private enum Kind { VALUE, OBJECT, LABELS }

    private enum KeyStyle { AS_IS, AWS, SYSTEM }

    /** One tag-carrying column: rank 0 = the resource's own tags, higher = inherited (loses to lower). */
    private record Source(int column, String name, Kind kind, String key, KeyStyle style, int rank) {
    }

    private final Source[] sources;
    private final TagText.Sink[] sinks;
    private final Entries entries = new Entries();
    private final List<String> examples = new ArrayList<>();
    private long malformedRows;

    private TagColumns(List<Source> sources) {
        this.sources = sources.toArray(Source[]::new);
        this.sinks = new TagText.Sink[this.sources.length];
        for (int s = 0; s < this.sources.length; s++) {
            Source src = this.sources[s];
            sinks[s] = switch (src.style) {
                case AS_IS -> (k, v) -> entries.put(k, v, src.rank);
                case AWS -> (k, v) -> entries.put(awsKey(k), v, src.rank);
                case SYSTEM -> (k, v) -> entries.put(GCP_SYSTEM_PREFIX + k, v, src.rank);
            };
        }
    }

    /** The tag columns of a file with this format and header, or null when it has none. */
    static TagColumns of(CostFormat format, List<String> header) {
        List<Source> found = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            String l = h.toLowerCase(Locale.ROOT);
            Source s = switch (format) {
                case AWS_CUR_LEGACY -> l.startsWith("resourcetags/")
                        ? new Source(i, h, Kind.VALUE, awsKey(h.substring(13)), KeyStyle.AS_IS, 0) : null;
                case AWS_CUR_ATHENA, AWS_CUR_2 -> l.equals("resource_tags") ? new Source(i, h, Kind.OBJECT, null, KeyStyle.AWS, 0)
                        : l.startsWith("resource_tags_") || l.startsWith("resource_tags.")
                        ? new Source(i, h, Kind.VALUE, awsKey(h.substring(14)), KeyStyle.AS_IS, 0) : null;
                case AZURE_EA, AZURE_MCA, AZURE_PAYG -> l.equals("tags") ? new Source(i, h, Kind.OBJECT, null, KeyStyle.AS_IS, 0) : null;
                case GCP_BILLING_EXPORT -> switch (l) {
                    case "labels" -> new Source(i, h, Kind.LABELS, null, KeyStyle.AS_IS, 0);
                    case "project.labels", "project_labels" -> new Source(i, h, Kind.LABELS, null, KeyStyle.AS_IS, 1);
                    case "system_labels" -> new Source(i, h, Kind.LABELS, null, KeyStyle.SYSTEM, 0);
                    default -> null;
                };
                case OCI_COST_REPORT -> l.startsWith("tags/") ? new Source(i, h, Kind.VALUE, h.substring(5), KeyStyle.AS_IS, 0) : null;
                default -> l.equals("tags") ? new Source(i, h, Kind.OBJECT, null, KeyStyle.AS_IS, 0) // the FOCUS formats
                        : l.startsWith("tags/") ? new Source(i, h, Kind.VALUE, h.substring(5), KeyStyle.AS_IS, 1) : null;
            };
            if (s != null) {
                found.add(s);
            }
        }
        return found.isEmpty() ? null : new TagColumns(found);
    }

    /**
     * AWS tag keys as the provider names them: user-defined tags without CUR's {@code user:} / {@code user_}
     * column prefix, AWS-generated ones with their reserved {@code aws:} prefix ({@code aws_created_by} from
     * Athena's snake case becomes {@code aws:created_by}; the original camel case is not in the file).
     */
    static String awsKey(String k) {
        if (k.length() > 5 && (k.startsWith("user:") || k.startsWith("user_"))) {
            return k.substring(5);
        }
        if (k.length() > 4 && k.startsWith("aws_")) {
            return "aws:" + k.substring(4);
        }
        return k;
    }

    /** Sets the row's Tags from the tag columns of {@code fields} (null when the row has no tags). */
    void fold(String[] fields, FocusRow row) {
        entries.clear();
        for (int s = 0; s < sources.length; s++) {
            Source src = sources[s];
            String v = src.column < fields.length ? fields[src.column] : null;
            if (Values.isNull(v)) {
                continue;
            }
            if (src.kind == Kind.VALUE) {
                entries.put(src.key, TagText.quote(v), src.rank);
                continue;
            }
            int mark = entries.size;
            try {
                if (src.kind == Kind.OBJECT) {
                    TagText.object(v, sinks[s]);
                } else {
                    TagText.labelList(v, sinks[s]);
                }
            } catch (TagText.Malformed e) {
                entries.size = mark;
                malformed(row.sourceRow(), src, v, e.getMessage());
            }
        }
        row.set(FocusColumn.TAGS, entries.size == 0 ? null : entries.json());
    }

    private void malformed(long rowNumber, Source src, String raw, String why) {
        malformedRows++;
        if (examples.size() < MAX_EXAMPLES) {
            String shown = raw.length() > 200 ? raw.substring(0, 197) + "..." : raw;
            examples.add("row " + rowNumber + " " + src.name + " '" + shown + "' (" + why + ")");
        }
    }

    /** Report lines: where the tags came from and, as a warning, the rows whose tag text could not be read. */
    List<String> notes() {
        List<String> notes = new ArrayList<>(2);
        List<String> names = Arrays.stream(sources).map(Source::name).toList();
        String shown = String.join(", ", names.subList(0, Math.min(8, names.size())))
                + (names.size() > 8 ? " and " + (names.size() - 8) + " more" : "");
        notes.add("Tags from column" + (names.size() == 1 ? " " : "s ") + shown);
        if (malformedRows > 0) {
            notes.add("WARNING: tag text that is not a tag object or label list in " + malformedRows + " row"
                    + (malformedRows == 1 ? "" : "s") + "; the rows were kept without those tags: "
                    + String.join("; ", examples) + (malformedRows > examples.size() ? "; ..." : ""));
        }
        return notes;
    }

    /** Rows whose tag text could not be read (they were kept). */
    long malformedRows() {
        return malformedRows;
    }

    /** Key to JSON value in first-seen order, reused from row to row; tag sets are small, so lookups are linear. */
    private static final class Entries {
        private String[] keys = new String[16];
        private String[] values = new String[16];
        private int[] ranks = new int[16];
        private int size;

        void clear() {
            size = 0;
        }

        /** Adds or, when {@code rank} is not weaker than the existing entry's, replaces (last wins within a source). */
        void put(String key, String jsonValue, int rank) {
            int h = key.hashCode();
            for (int j = 0; j < size; j++) {
                if (keys[j].hashCode() == h && keys[j].equals(key)) {
                    if (rank <= ranks[j]) {
                        values[j] = jsonValue;
                        ranks[j] = rank;
                    }
                    return;
                }
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
                ranks = Arrays.copyOf(ranks, size * 2);
            }
            keys[size] = key;
            values[size] = jsonValue;
            ranks[size++] = rank;
        }

        String json() {
            StringBuilder b = new StringBuilder(32 * size).append('{');
            for (int j = 0; j < size; j++) {
                if (j > 0) {
                    b.append(',');
                }
                TagText.appendQuoted(b, keys[j]).append(':').append(values[j]);
            }
            return b.append('}').toString();
        }
    }
}
