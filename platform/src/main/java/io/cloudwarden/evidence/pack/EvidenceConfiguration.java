package io.cloudwarden.evidence.pack;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Beans of evidence items and packs. The servlet multipart limits are set here instead of
 * {@code spring.servlet.multipart.*}: the larger of {@code cloudwarden.evidence.max-upload-size} and the
 * installation's upload limit {@code cloudwarden.web.max-upload-body} (default 512 MB, for cost exports), plus
 * 1 MB for the other parts; each upload endpoint checks its own, lower limit (evidence: EVIDENCE_FILE_TOO_LARGE).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceProperties.class)
class EvidenceConfiguration {

    @Bean
    ControlCatalogue controlCatalogue() {
        return ControlCatalogue.load();
    }

    @Bean
    EvidencePackWriter evidencePackWriter() {
        return new EvidencePackWriter();
    }

    @Bean
    MultipartConfigElement multipartConfigElement(EvidenceProperties props,
                                                  @Value("${cloudwarden.web.max-upload-body:512MB}") DataSize maxUploadBody) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        long limit = Math.max(props.maxUploadSize().toBytes(), maxUploadBody.toBytes());
        factory.setMaxFileSize(DataSize.ofBytes(limit));
        factory.setMaxRequestSize(DataSize.ofBytes(limit + DataSize.ofMegabytes(1).toBytes()));
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }
}
