package io.cloudwarden.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the account mails (invitation, email verification, password reset) over SMTP
 * ({@code spring.mail.*}); links point at {@code cloudwarden.identity.mail.console-base-url}. Without an SMTP
 * server configured, mails are not sent and a warning says so (links are never logged: they are secrets).
 */
@Component
class AccountMail {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final IdentityProperties props;

    AccountMail(ObjectProvider<JavaMailSender> sender, IdentityProperties props) {
        this.sender = sender;
        this.props = props;
    }

    void invitation(String to, String tenantName, String token) {
        send(to, "You are invited to " + tenantName + " on Cloudwarden",
                "You have been invited to join " + tenantName + " on Cloudwarden.\n\n"
                        + "Accept the invitation and choose your password (the link works once, for 7 days):\n"
                        + link("/invite/" + token) + "\n");
    }

    void verification(String to, String token) {
        send(to, "Confirm your email address for Cloudwarden",
                "Confirm your email address to finish signing up (the link works once, for 24 hours):\n"
                        + link("/verify-email?token=" + token) + "\n");
    }

    void passwordReset(String to, String token) {
        send(to, "Reset your Cloudwarden password",
                "Someone asked to reset the password of this account. If it was you, choose a new password here "
                        + "(the link works once, for 30 minutes):\n" + link("/login/reset/confirm?token=" + token) + "\n\n"
                        + "If it was not you, ignore this mail; your password stays as it is.\n");
    }

    private String link(String path) {
        return props.mail().consoleBaseUrl() + path;
    }

    private void send(String to, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            log.warn("No SMTP server configured (spring.mail.host): the mail '{}' was not sent", subject);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(props.mail().from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.send(message);
        } catch (MailException e) {
            log.warn("Could not send the mail '{}': {}", subject, e.getMessage());
        }
    }
}
