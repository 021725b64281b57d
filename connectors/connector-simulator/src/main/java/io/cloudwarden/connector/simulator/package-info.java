/**
 * The simulator connector: a deterministic, evolving synthetic AWS, Azure or GCP estate with ground-truth
 * labels, served through the real connector SPI so demos and tests exercise the same code path as real clouds.
 */
package io.cloudwarden.connector.simulator;
