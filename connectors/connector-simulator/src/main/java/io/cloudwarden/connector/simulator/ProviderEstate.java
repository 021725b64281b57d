package io.cloudwarden.connector.simulator;

/**
 * The layout and rendering of one provider's estate. The estate is a sequence of fixed-size blocks; each
 * position in a block has a resource kind, and relations only point to earlier positions of the same block,
 * so a resource's targets are always created before it.
 */
interface ProviderEstate {

    int blockSize();

    /** The kind at {@code position} of {@code block}; rare kinds appear only in some blocks. */
    ResourceKind kindAt(long block, int position);

    /** The provider's global id of the resource in {@code slot}. */
    String nativeId(Slot slot);

    /** Fills name, state, tags, configuration JSON, relations and ground truth of {@code slot}. */
    void render(Slot slot, ResourceDraft draft);

    static ProviderEstate of(SimulatedCloud cloud) {
        return switch (cloud) {
            case AWS -> new AwsEstate();
            case AZURE -> new AzureEstate();
            case GCP -> new GcpEstate();
        };
    }
}
