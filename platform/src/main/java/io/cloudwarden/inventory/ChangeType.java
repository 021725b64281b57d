package io.cloudwarden.inventory;

/** How a resource changed in an ingestion. */
public enum ChangeType { CREATED, MODIFIED, DELETED }
