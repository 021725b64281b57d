package io.cloudwarden.testsupport;

import java.util.HashMap;
import java.util.Map;

/** Request bodies for registering simulated accounts in API tests. */
public final class TestAccounts {

    /** The simulated credential every test account uses; tests assert it never leaks. */
    public static final String SECRET = "s3cr3t-value-that-must-never-leak";

    private TestAccounts() {
    }

    /** A small (about 150 resources) simulated account of {@code provider}. */
    public static Map<String, Object> simulator(String name, String provider, String accountId) {
        Map<String, Object> config = new HashMap<>(Map.of("provider", provider, "accountId", accountId,
                "resources", "150", "accessSecret", SECRET));
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("connector", "simulator");
        body.put("config", config);
        return body;
    }
}
