package io.cloudwarden.evidence.pack;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Beans of evidence items and packs. Evidence uploads are the application's only multipart requests, so the
 * servlet multipart limits are derived from {@code cloudwarden.evidence.max-upload-size} here (one file of
 * that size plus 1 MB for the other parts) instead of {@code spring.servlet.multipart.*}.
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
    MultipartConfigElement multipartConfigElement(EvidenceProperties props) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        long limit = props.maxUploadSize().toBytes();
        factory.setMaxFileSize(DataSize.ofBytes(limit));
        factory.setMaxRequestSize(DataSize.ofBytes(limit + DataSize.ofMegabytes(1).toBytes()));
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }
}
