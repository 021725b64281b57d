/**
 * The connector compatibility kit: the contract tests every connector's test suite extends, so each connector
 * proves it honours the SPI (metadata, discovery, validation, capabilities, inventory shape, secrecy).
 */
package io.cloudwarden.connector.testkit;
