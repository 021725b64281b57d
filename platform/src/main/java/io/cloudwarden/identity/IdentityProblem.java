package io.cloudwarden.identity;

import io.cloudwarden.shared.CloudwardenException;
import java.util.Map;

/**
 * An identity failure whose problem response carries extra members besides {@code code}, such as
 * {@code lockedUntil}, {@code mfaToken} or {@code reason}. Values must be safe to show the caller.
 */
public class IdentityProblem extends CloudwardenException {

    private final transient Map<String, Object> properties;

    public IdentityProblem(IdentityErrorCode code, String message, Map<String, Object> properties) {
        super(code, message);
        this.properties = Map.copyOf(properties);
    }

    /** The extra problem members. */
    public Map<String, Object> properties() {
        return properties;
    }
}
