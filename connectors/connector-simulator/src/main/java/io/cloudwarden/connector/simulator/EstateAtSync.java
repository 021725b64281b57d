package io.cloudwarden.connector.simulator;

/**
 * The simulated estate as it stands at one sync: which indices exist, when each was born, and the shared
 * deterministic hash. Index i below the base count exists from sync 1; creations at sync k take the next
 * indices, a fixed number per sync, so the birth of any index is computed, not looked up.
 */
final class EstateAtSync {

    private static final long REGION = 0x524547;

    private final SimulatorSettings settings;
    private final long sync;
    private final DeterministicHash hash;
    private final ProviderEstate provider;
    private final double createPerSync;
    private final double modifyProbability;
    private final double deleteProbability;
    private final long totalIndices;

    EstateAtSync(SimulatorSettings settings, long sync) {
        if (sync < 1) {
            throw new IllegalArgumentException("syncSequence must be at least 1");
        }
        this.settings = settings;
        this.sync = sync;
        this.hash = new DeterministicHash(settings.seed(), settings.accountId());
        this.provider = ProviderEstate.of(settings.cloud());
        this.createPerSync = settings.resources() * settings.changeRatePerMille() / 3000.0;
        this.modifyProbability = settings.changeRatePerMille() / 1000.0;
        this.deleteProbability = settings.changeRatePerMille() / 5000.0;
        this.totalIndices = settings.resources() + createdBefore(sync);
    }

    private long createdBefore(long k) {
        return (long) Math.floor(createPerSync * (k - 1));
    }

    /** Sync at which {@code index} was created (1 for the base estate). */
    long birth(long index) {
        long base = settings.resources();
        if (index < base) {
            return 1;
        }
        long offset = index - base;
        long k = (long) (offset / createPerSync) + 1;
        while (createdBefore(k) <= offset) {
            k++;
        }
        while (k > 2 && createdBefore(k - 1) > offset) {
            k--;
        }
        return k;
    }

    Slot slot(long index) {
        long block = index / provider.blockSize();
        int position = (int) (index % provider.blockSize());
        return new Slot(this, index, block, position, provider.kindAt(block, position));
    }

    String regionOfBlock(long block) {
        return settings.regions().get(DeterministicHash.pick(hash.hash(block, REGION), settings.regions().size()));
    }

    long totalIndices() {
        return totalIndices;
    }

    long sync() {
        return sync;
    }

    SimulatorSettings settings() {
        return settings;
    }

    DeterministicHash hash() {
        return hash;
    }

    ProviderEstate provider() {
        return provider;
    }

    double modifyProbability() {
        return modifyProbability;
    }

    double deleteProbability() {
        return deleteProbability;
    }
}
