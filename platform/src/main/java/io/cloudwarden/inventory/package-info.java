/**
 * Inventory owns every discovered resource with its versioned configuration, normalised tags and
 * relationships, the bulk ingestion that writes them, and the search, facet, history and diff queries.
 */
@org.springframework.modulith.ApplicationModule
package io.cloudwarden.inventory;
