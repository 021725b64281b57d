package io.cloudwarden.connector.simulator;

/** The specific misconfiguration behind a {@link GroundTruthLabel#MISCONFIGURED} label, visible in the JSON. */
public enum Misconfiguration {
    /** A bucket or storage account readable by anyone. */
    PUBLIC_BUCKET,
    /** A security group, NSG or firewall allowing TCP 22 from anywhere (0.0.0.0/0; Azure source {@code *}). */
    OPEN_SSH_TO_WORLD,
    /** A volume or disk without encryption. */
    UNENCRYPTED_VOLUME,
    /** An access key or service account key older than 90 days at the simulation epoch. */
    ACCESS_KEY_NOT_ROTATED,
    /** A database reachable from the internet. */
    PUBLIC_DATABASE,
    /** A customer-managed encryption key without automatic rotation. */
    KEY_ROTATION_DISABLED
}
