package io.cloudwarden.connector.simulator;

/** What an analytics engine should conclude about a simulated resource; the simulator knows it by design. */
public enum GroundTruthLabel {
    /** Provisioned but doing nothing: a stopped instance or VM, a stopped database. */
    IDLE,
    /** Running on a much larger size than its (simulated) load needs; always one of the largest sizes. */
    OVERSIZED,
    /** Has at least one {@link Misconfiguration}. */
    MISCONFIGURED,
    /** Taggable but carries no tag or label at all. */
    UNTAGGED,
    /** Serves nothing: an unattached volume or disk, an unassociated public IP address. */
    ORPHANED
}
