package io.cloudwarden.cost.imports;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.storage.S3Clients;
import java.io.InputStream;
import java.net.URI;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Cost exports in the configured object store. A tenant may only import objects under its own prefix
 * {@code tenants/<tenant id>/} of the configured bucket: the platform's credentials can read the whole bucket,
 * so the prefix is what keeps one tenant from importing another's files.
 */
@Component
public class ObjectStoreFiles {

    private final CostProperties.ObjectStore settings;
    private volatile S3Client client;

    ObjectStoreFiles(CostProperties props) {
        this.settings = props.objectStore();
    }

    /** A checked location: the bucket, the key, its last path segment and size. */
    public record Location(String bucket, String key, String fileName, Long size) {
    }

    /** Checks {@code location} for the tenant bound to the thread and that the object exists. */
    public Location resolve(String location) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new CloudwardenException(CostErrorCode.COST_OBJECT_STORE_UNAVAILABLE,
                    "no object store is configured; set cloudwarden.cost.object-store.bucket, or upload the file instead");
        }
        URI uri;
        try {
            uri = URI.create(location.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(location);
        }
        if (!"s3".equals(uri.getScheme()) || uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw invalid(location);
        }
        if (!uri.getHost().equals(settings.bucket())) {
            throw new CloudwardenException(CostErrorCode.COST_LOCATION_INVALID,
                    "cost exports are imported from the bucket " + settings.bucket() + ", not " + uri.getHost());
        }
        String key = uri.getPath().substring(1);
        String prefix = "tenants/" + TenantContext.require().value() + "/";
        if (!key.startsWith(prefix) || key.contains("/../") || key.endsWith("/")) {
            throw new CloudwardenException(CostErrorCode.COST_LOCATION_FORBIDDEN,
                    "this tenant may import only objects under s3://" + settings.bucket() + "/" + prefix);
        }
        try {
            HeadObjectResponse head = client().headObject(b -> b.bucket(settings.bucket()).key(key));
            return new Location(settings.bucket(), key, key.substring(key.lastIndexOf('/') + 1), head.contentLength());
        } catch (NoSuchKeyException e) {
            throw notFound(location);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw notFound(location);
            }
            throw unavailable(e);
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    /** Opens a resolved object for reading. */
    public InputStream open(Location location) {
        return client().getObject(b -> b.bucket(location.bucket()).key(location.key()));
    }

    private S3Client client() {
        S3Client c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = S3Clients.client(settings.region(), settings.endpoint() == null ? null : URI.create(settings.endpoint()),
                            Boolean.TRUE.equals(settings.pathStyle()), settings.accessKeyId(), settings.secretAccessKey());
                }
                c = client;
            }
        }
        return c;
    }

    private static CloudwardenException invalid(String location) {
        return new CloudwardenException(CostErrorCode.COST_LOCATION_INVALID, "'" + location + "' is not an s3://bucket/key location");
    }

    private static CloudwardenException notFound(String location) {
        return new CloudwardenException(CostErrorCode.COST_OBJECT_NOT_FOUND, "there is no object at " + location);
    }

    private static CloudwardenException unavailable(Exception e) {
        return new CloudwardenException(CostErrorCode.COST_OBJECT_STORE_UNAVAILABLE, "the object store could not be reached: "
                + e.getMessage());
    }
}
