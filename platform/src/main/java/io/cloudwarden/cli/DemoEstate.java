package io.cloudwarden.cli;

import io.cloudwarden.accounts.AccountCommand;
import io.cloudwarden.accounts.AccountManagement;
import io.cloudwarden.accounts.CloudAccount;
import io.cloudwarden.shared.CursorPage;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo's ten simulated accounts: 4 AWS accounts, 3 Azure subscriptions and 3 GCP projects across several
 * regions, sharing the requested number of resources. Registered through the same accounts API a user uses.
 */
final class DemoEstate {

    record Spec(String name, String provider, String regions, double share) {
    }

    static final List<Spec> ACCOUNTS = List.of(
            new Spec("aws-prod", "aws", "us-east-1,eu-west-1", 0.16),
            new Spec("aws-staging", "aws", "us-east-1", 0.12),
            new Spec("aws-data", "aws", "us-west-2,eu-central-1", 0.10),
            new Spec("aws-dev", "aws", "ap-southeast-2", 0.08),
            new Spec("azure-corp", "azure", "westeurope,northeurope", 0.12),
            new Spec("azure-analytics", "azure", "eastus", 0.10),
            new Spec("azure-sandbox", "azure", "westus2", 0.08),
            new Spec("gcp-ml", "gcp", "us-central1,europe-west1", 0.10),
            new Spec("gcp-web", "gcp", "europe-west1", 0.08),
            new Spec("gcp-shared", "gcp", "asia-east1", 0.06));

    private DemoEstate() {
    }

    /** Registers the accounts that do not exist yet; returns all demo accounts. */
    static List<CloudAccount> ensure(AccountManagement accounts, int totalResources, long seed, long syncIntervalSeconds) {
        List<CloudAccount> existing = new ArrayList<>();
        CursorPage<CloudAccount> page = accounts.list(null, "simulator", null, null, 500);
        existing.addAll(page.items());
        SplittableRandom ids = new SplittableRandom(seed);
        List<CloudAccount> result = new ArrayList<>();
        for (Spec spec : ACCOUNTS) {
            String accountId = accountId(spec.provider(), ids, spec.name());
            CloudAccount found = existing.stream().filter(a -> a.name().equals(spec.name())).findFirst().orElse(null);
            if (found == null) {
                found = accounts.register(new AccountCommand(spec.name(), "simulator", Map.of(
                        "provider", spec.provider(),
                        "accountId", accountId,
                        "regions", spec.regions(),
                        "resources", Long.toString(Math.max(1, Math.round(totalResources * spec.share()))),
                        "seed", Long.toString(seed),
                        // 13 months of daily cost files ending today, so the console's month-to-date figures are live
                        "costToday", LocalDate.now(ZoneOffset.UTC).toString(),
                        "accessSecret", "simulated-" + Long.toHexString(ids.nextLong())), true, syncIntervalSeconds));
            }
            result.add(found);
        }
        return result;
    }

    private static String accountId(String provider, SplittableRandom random, String name) {
        return switch (provider) {
            case "aws" -> String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
            case "azure" -> new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            default -> name + "-" + Long.toString(Math.floorMod(random.nextLong(), 1_000_000L), 36);
        };
    }
}
