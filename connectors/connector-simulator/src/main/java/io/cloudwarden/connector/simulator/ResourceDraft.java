package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.DiscoveredResource;
import io.cloudwarden.connector.spi.ResourceRelation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** A resource being rendered: what the connector reports plus the ground truth behind it. */
final class ResourceDraft {

    String name;
    String state;
    Map<String, String> tags = Map.of();
    String json;
    /** A change caused by another resource (e.g. the instance a volume was attached to was deleted). */
    long inducedChangeSync;
    final List<ResourceRelation> relations = new ArrayList<>(6);
    final EnumSet<GroundTruthLabel> labels = EnumSet.noneOf(GroundTruthLabel.class);
    final EnumSet<Misconfiguration> misconfigurations = EnumSet.noneOf(Misconfiguration.class);

    /** Adds a relation, unless the target is not created yet (deleted targets may dangle, as in real clouds). */
    void relate(String type, Slot target) {
        if (target.exists()) {
            relations.add(new ResourceRelation(type, target.nativeId()));
        }
    }

    /**
     * Records that {@code self}'s JSON depends on whether {@code holder} exists (a volume on its instance, an
     * IP on its interface): the holder's creation or deletion after {@code self} was born changes {@code self}.
     */
    void dependsOn(Slot self, Slot holder) {
        if (!holder.exists()) {
            return;
        }
        if (holder.birth() > self.birth()) {
            inducedChangeSync = Math.max(inducedChangeSync, holder.birth());
        }
        long deleted = holder.state().deletedAt;
        if (deleted <= self.sync()) {
            inducedChangeSync = Math.max(inducedChangeSync, deleted);
        }
    }

    void misconfigured(Misconfiguration misconfiguration) {
        misconfigurations.add(misconfiguration);
        labels.add(GroundTruthLabel.MISCONFIGURED);
    }

    void label(GroundTruthLabel label) {
        labels.add(label);
    }

    DiscoveredResource toResource(SimulatedCloud cloud, Slot slot) {
        return new DiscoveredResource(cloud.provider(), slot.nativeId(), slot.kind().type(),
                name, slot.region(), state, slot.createdAt(), tags, json, relations);
    }

    LabelledResource toTruth(Slot slot) {
        if (slot.kind().taggable() && tags.isEmpty()) {
            labels.add(GroundTruthLabel.UNTAGGED);
        }
        return new LabelledResource(slot.nativeId(), slot.kind().type(), labels, misconfigurations,
                Math.max(slot.state().lastModified, inducedChangeSync));
    }
}
