package io.cloudwarden.connector.simulator;

/**
 * Walks the estate at one sync in index order, rendering one live resource at a time: memory stays bounded
 * whatever the estate size.
 */
final class EstateCursor {

    private final EstateAtSync estate;
    private long next;

    EstateCursor(SimulatorSettings settings, long sync) {
        this.estate = new EstateAtSync(settings, sync);
    }

    long totalIndices() {
        return estate.totalIndices();
    }

    /** The index the next call to {@link #advance()} starts from. */
    long position() {
        return next;
    }

    /** Renders the next live resource, or returns null when the estate is exhausted. */
    RenderedResource advance() {
        while (next < estate.totalIndices()) {
            Slot slot = estate.slot(next++);
            if (slot.state().deletedAt != Long.MAX_VALUE) {
                continue;
            }
            ResourceDraft draft = new ResourceDraft();
            estate.provider().render(slot, draft);
            return new RenderedResource(slot, draft, estate.settings().cloud());
        }
        return null;
    }

    /** One rendered resource; converts lazily to what the connector or the ground truth needs. */
    record RenderedResource(Slot slot, ResourceDraft draft, SimulatedCloud cloud) {

        io.cloudwarden.connector.spi.DiscoveredResource resource() {
            return draft.toResource(cloud, slot);
        }

        LabelledResource truth() {
            return draft.toTruth(slot);
        }
    }
}
