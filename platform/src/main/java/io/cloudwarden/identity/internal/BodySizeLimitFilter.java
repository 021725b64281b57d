package io.cloudwarden.identity.internal;

import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.web.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rejects request bodies above their limit with 413 PAYLOAD_TOO_LARGE: uploads (multipart, octet-stream,
 * gzip, zip, CSV) up to {@code cloudwarden.web.max-upload-body}, everything else (JSON) up to
 * {@code cloudwarden.web.max-json-body}. A declared Content-Length is checked before reading; a body without
 * one is counted while it is read.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    private static final Set<String> UPLOAD_TYPES = Set.of("application/octet-stream", "application/gzip", "application/x-gzip",
            "application/zip", "text/csv", "application/vnd.apache.parquet", "application/x-parquet");

    private final WebHardeningProperties props;
    private final JsonMapper json;

    BodySizeLimitFilter(WebHardeningProperties props, JsonMapper json) {
        this.props = props;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = isUpload(request.getContentType()) ? props.maxUploadBody().toBytes() : props.maxJsonBody().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            response.setHeader("Connection", "close");
            FilterProblems.write(response, json, CommonErrorCode.PAYLOAD_TOO_LARGE,
                    "the request body is larger than " + limit + " bytes");
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Limited(request, limit), response);
    }

    static boolean isUpload(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/") || UPLOAD_TYPES.contains(type);
    }

    /** A request whose body stream fails once more than {@code limit} bytes were read. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws PayloadTooLargeException {
                        read += n;
                        if (read > limit) {
                            throw new PayloadTooLargeException(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
