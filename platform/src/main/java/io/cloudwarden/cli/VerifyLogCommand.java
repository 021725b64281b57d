package io.cloudwarden.cli;

import io.cloudwarden.evidence.verify.LogVerifier;
import io.cloudwarden.evidence.verify.PackReport;
import io.cloudwarden.evidence.verify.PackVerifier;
import io.cloudwarden.evidence.verify.VerificationProblem;
import io.cloudwarden.evidence.verify.VerificationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifies an audit bundle or an evidence pack offline (docs/evidence/formats.md), without Spring or a database.
 * Exit status: 0 verified, 1 verification failed, 2 the input is unreadable or not a bundle.
 */
@Command(name = "verify-log", mixinStandardHelpOptions = true,
        description = {"Verify an audit log bundle (directory or zip) or an evidence pack (zip) offline.",
                "Checks checkpoint signatures against keys.txt, the entry sequence and tenant, the recomputed Merkle "
                        + "roots against every signed checkpoint, checkpoint consistency and anchored checkpoints; for a pack, "
                        + "the pack signature, file hashes and inclusion proofs (see docs/evidence/formats.md).",
                "Exit status: 0 verified, 1 verification failed, 2 unreadable input or not a bundle."})
class VerifyLogCommand implements Callable<Integer> {

    static final int VERIFIED = 0;
    static final int FAILED = 1;
    static final int UNREADABLE = 2;

    private static final long PROGRESS_NANOS = 5_000_000_000L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Parameters(index = "0", paramLabel = "PATH", description = "A bundle directory, a bundle zip or an evidence pack zip.")
    Path path;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--quiet", description = "No progress; without --json print nothing when the input verifies, only the problems when not.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (PackVerifier.isEvidencePack(path)) {
            PackReport report = new PackVerifier().verify(path);
            int code = report.unreadable() ? UNREADABLE : report.ok() ? VERIFIED : FAILED;
            if (json) {
                printJson(out, "evidence-pack", report, code);
            } else {
                printPack(out, report);
            }
            return code;
        }
        VerificationReport report = new LogVerifier(progress(spec.commandLine().getErr())).verify(path);
        int code = report.unreadable() ? UNREADABLE : report.ok() ? VERIFIED : FAILED;
        if (json) {
            printJson(out, "bundle", report, code);
        } else {
            printBundle(out, report);
        }
        return code;
    }

    private LongConsumer progress(PrintWriter err) {
        if (quiet) {
            return entries -> {
            };
        }
        long[] last = {System.nanoTime()};
        return entries -> {
            long now = System.nanoTime();
            if (now - last[0] >= PROGRESS_NANOS) {
                last[0] = now;
                err.println(String.format(Locale.ROOT, "verified %,d entries", entries));
                err.flush();
            }
        };
    }

    private void printJson(PrintWriter out, String type, Object report, int code) {
        ObjectNode node = JSON.createObjectNode().put("type", type).put("exitCode", code);
        node.setAll((ObjectNode) JSON.valueToTree(report));
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        out.flush();
    }

    private void printBundle(PrintWriter out, VerificationReport r) {
        if (r.unreadable()) {
            printProblems(out, "UNREADABLE: " + path + " is not a readable bundle", r.problems(), 0);
            return;
        }
        if (!quiet || !r.ok()) {
            if (!quiet) {
                out.println("Audit bundle " + path);
                out.println("  log          " + r.origin() + " (" + r.hashAlgorithm() + ", tenant " + r.tenant() + ")");
                out.println("  entries      " + n(r.entriesChecked()) + " checked"
                        + (r.size() > r.firstIndex() ? ", indexes " + n(r.firstIndex()) + " to " + n(r.size() - 1) : "")
                        + (r.firstIndex() > 0 ? " (earlier entries covered by the prefix)" : ""));
                out.println("  checkpoints  " + n(r.checkpoints()) + " in the bundle, " + n(r.checkpointsVerified())
                        + " reproduced by the recomputed tree");
                if (r.anchors() > 0) {
                    out.println("  anchors      " + n(r.anchors()) + " anchored checkpoints, " + n(r.anchorsVerified()) + " reproduced");
                }
                printKeys(out, r.keys());
                if (r.ok() && r.verifiedSize() != null && r.verifiedSize() < r.size()) {
                    out.println("  note         entries " + n(r.verifiedSize()) + " to " + n(r.size() - 1)
                            + " come after the last checkpoint: no signature covers them yet");
                }
            }
            if (r.ok()) {
                out.println(r.verifiedSize() == null ? "OK: every check passed (the bundle holds no entries)."
                        : "OK: every check passed; signed checkpoints vouch for the log up to size " + n(r.verifiedSize()) + ".");
            } else {
                printProblems(out, "FAILED: " + n(r.problems().size() + r.problemsOmitted()) + " problem(s)"
                        + (r.firstBadIndex() != null ? ", first bad index " + r.firstBadIndex() : ""), r.problems(), r.problemsOmitted());
            }
        }
        out.flush();
    }

    private void printPack(PrintWriter out, PackReport r) {
        if (r.unreadable()) {
            printProblems(out, "UNREADABLE: " + path + " is not a readable evidence pack", r.problems(), 0);
            return;
        }
        if (!quiet) {
            out.println("Evidence pack " + path);
            out.println("  log          " + r.origin() + " (" + r.hashAlgorithm() + "), checkpoint of size " + n(r.treeSize()));
            out.println("  items        " + n(r.items()) + ": " + n(r.filesChecked()) + " files hashed, "
                    + n(r.proofsChecked()) + " inclusion proofs checked");
            printKeys(out, r.keys());
        }
        if (r.ok()) {
            if (!quiet) {
                out.println("OK: the pack signature, every file hash and every inclusion proof verify.");
            }
        } else {
            printProblems(out, "FAILED: " + n(r.problems().size()) + " problem(s)"
                    + (r.firstBadIndex() != null ? ", first bad index " + r.firstBadIndex() : ""), r.problems(), 0);
        }
        out.flush();
    }

    private static void printKeys(PrintWriter out, List<String> keys) {
        String label = "  keys         ";
        if (keys.isEmpty()) {
            out.println(label + "none verified a signature");
        }
        for (String key : keys) {
            out.println(label + key);
            label = "               ";
        }
        if (!keys.isEmpty()) {
            out.println("               (compare these with the keys Cloudwarden publishes)");
        }
    }

    private static void printProblems(PrintWriter out, String headline, List<VerificationProblem> problems, long omitted) {
        out.println(headline);
        for (VerificationProblem p : problems) {
            out.println("  " + p.kind() + (p.index() != null ? " at index " + p.index() : "") + ": " + p.message());
        }
        if (omitted > 0) {
            out.println("  ... and " + n(omitted) + " more");
        }
        out.flush();
    }

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
