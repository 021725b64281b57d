package io.cloudwarden.connector.simulator;

import java.util.Set;

/**
 * The ground truth of one simulated resource at a sync.
 *
 * @param nativeId          the resource key, as the connector reports it
 * @param type              the provider type name
 * @param labels            what analytics should find
 * @param misconfigurations which misconfigurations, when {@code labels} contains MISCONFIGURED
 * @param lastChangedSync   the last sync at which its configuration or tags changed (its birth if never)
 */
public record LabelledResource(String nativeId, String type, Set<GroundTruthLabel> labels,
                               Set<Misconfiguration> misconfigurations, long lastChangedSync) {

    public LabelledResource {
        labels = Set.copyOf(labels);
        misconfigurations = Set.copyOf(misconfigurations);
    }
}
