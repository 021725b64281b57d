package io.cloudwarden.connector.simulator;

/** A change the simulated cloud makes to an existing resource at a sync. Each is visible in the resource's JSON. */
enum Mutation {
    /** Instance type, SKU or size changes. */
    RESIZE,
    /** Running toggles with stopped (or enabled with disabled). */
    POWER,
    /** A tag is added, changed or removed. */
    TAGS,
    /** A security-relevant flag toggles: encryption, public access, open SSH, key rotation. */
    SECURITY,
    /** A rule (firewall or security group rule) is added. */
    RULE
}
