package org.npsloop.campaigns.deliverability.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.npsloop.campaigns.deliverability.internal.ReturnedMail.Kind;
import org.npsloop.domain.campaign.InvitationToken;
import org.npsloop.domain.deliverability.DeliverySource;
import org.npsloop.domain.deliverability.MailReference;

/**
 * Each sample of src/test/resources/returned-mail, written from the RFCs' examples and the providers' documented
 * formats around one message of ours (its VERP return path, Message-ID and List-Unsubscribe token), read as a bounce,
 * complaint, unsubscribe, automatic reply, delivery report or unknown mail, with what leads back to the invitation.
 */
class ReturnedMailParserTest {

    static final String TOKEN = "Q2hhbmdlTWVQbGVhc2VUb2tlbjAx";
    static final MailReference REF = MailReference.ofTokenHash(InvitationToken.hashOf(TOKEN));
    static final String MESSAGE_ID = "<" + REF + "@acme.example>";

    private final ReturnedMailParser parser = new ReturnedMailParser("bounces+unsubscribe@bounce.example");

    static MimeMessage sample(String name) throws Exception {
        try (InputStream in = ReturnedMailParserTest.class.getResourceAsStream("/returned-mail/" + name)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    /**
     * reference: E = in the envelope (the VERP address the bounce came back to), R = only in the returned headers
     * (Return-Path or Message-ID), - = none (both checked as where the trace leads: its reference, else the
     * Message-ID's); returned: whether the returned headers' Message-ID and token were read.
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            rfc3464-postfix-hard.eml          | HARD_BOUNCE | DSN    | 5.1.1  | alice@example.org   | E | true
            rfc3464-sendmail-soft-headers.eml | SOFT_BOUNCE | DSN    | 5.2.2  | alice@example.org   | E | true
            rfc3464-delayed.eml               | DELAYED     | DSN    | 4.4.1  | alice@example.org   | E | true
            rfc3464-delivered.eml             | DELIVERED   | DSN    | 2.0.0  | alice@example.org   | E | true
            qmail-hard.eml                    | HARD_BOUNCE | DSN    | 5.1.1  | bob@example.com     | R | true
            yahoo-hard.eml                    | HARD_BOUNCE | DSN    | 554    | carol@yahoo.com     | E | true
            postfix-plain-hard.eml            | HARD_BOUNCE | DSN    | 5.1.1  | dave@example.net    | E | true
            exim-soft.eml                     | SOFT_BOUNCE | DSN    | 5.2.2  | erin@example.co.uk  | E | true
            exchange-o365-hard.eml            | HARD_BOUNCE | DSN    | 5.1.10 | frank@contoso.com   | E | true
            exchange-legacy-hard.eml          | HARD_BOUNCE | DSN    | 5.1.1  | grace@legacy.example.org | R | true
            gmail-hard.eml                    | HARD_BOUNCE | DSN    | 5.1.1  | heidi@gmail.com     | E | true
            arf-abuse.eml                     | COMPLAINT   | ARF    | null   | ivan@example.com    | R | true
            arf-redacted-headers.eml          | COMPLAINT   | ARF    | null   | redacted@example.com | R | true
            arf-auth-failure.eml              | UNKNOWN     | ARF    | null   | alice@example.org   | R | true
            autoreply-rfc3834.eml             | AUTO_REPLY  | null   | null   | null                | E | false
            autoreply-exchange-fr.eml         | AUTO_REPLY  | null   | null   | null                | E | false
            autoreply-precedence-absence.eml  | AUTO_REPLY  | null   | null   | null                | E | false
            mdn-read-receipt.eml              | AUTO_REPLY  | null   | null   | null                | E | false
            mailto-unsubscribe.eml            | UNSUBSCRIBE | MAILTO | null   | niko@example.com    | - | false
            mailto-unsubscribe-by-hand.eml    | UNSUBSCRIBE | MAILTO | null   | olga@example.com    | - | false
            unknown-person.eml                | UNKNOWN     | null   | null   | null                | - | false
            bounce-without-code.eml           | UNKNOWN     | DSN    | null   | quentin@tiny.example | - | false
            """)
    void eachSampleIsReadAsWhatItIs(String file, Kind kind, DeliverySource source, String status, String email,
            String reference, boolean returned) throws Exception {
        ReturnedMail mail = parser.parse(sample(file));
        assertEquals(kind, mail.kind(), () -> file + ": " + mail);
        assertEquals(source, mail.source(), file);
        assertEquals(status, mail.statusCode(), () -> file + ": " + mail.detail());
        assertEquals(email, mail.trace().email(), file);
        MailReference leadsTo = mail.trace().reference() != null ? mail.trace().reference()
                : MailReference.inMessageId(mail.trace().messageId()).orElse(null);
        if (reference.equals("-")) {
            assertNull(leadsTo, file);
        } else {
            assertEquals(REF, leadsTo, file);
        }
        if (returned) {
            assertEquals(MESSAGE_ID, mail.trace().messageId(), file);
            assertEquals(TOKEN, mail.trace().token(), file);
        }
        assertNull(mail.trace().invitationId());
        if (mail.evidence() != null) {
            assertTrue(mail.evidence().length() <= ReturnedMail.EVIDENCE_MAX);
            assertTrue(!mail.evidence().contains("probabilit"), () -> file + ": the returned message's body is no evidence");
        }
    }

    @org.junit.jupiter.api.Test
    void theEvidenceIsTheStatusPartAndTheReturnedHeadersAndTheDetailOneLine() throws Exception {
        ReturnedMail gmail = parser.parse(sample("gmail-hard.eml"));
        assertTrue(gmail.evidence().startsWith("Reporting-MTA: dns; googlemail.com"), gmail.evidence());
        assertTrue(gmail.evidence().contains("Message-ID: " + MESSAGE_ID), gmail.evidence());
        assertTrue(gmail.detail().startsWith("5.1.1 smtp; 550-5.1.1 The email account that you tried to reach does not exist"),
                gmail.detail());
        assertTrue(!gmail.detail().contains("\n"));
        ReturnedMail arf = parser.parse(sample("arf-abuse.eml"));
        assertEquals("Feedback-Type: abuse from SomeGenerator/1.0", arf.detail());
        assertTrue(arf.evidence().startsWith("Feedback-Type: abuse"), arf.evidence());
        ReturnedMail qmail = parser.parse(sample("qmail-hard.eml"));
        assertEquals("<bob@example.com>: 192.0.2.40 does not like recipient. Remote host said: 550 5.1.1 <bob@example.com>... "
                + "User unknown Giving up on 192.0.2.40.", qmail.detail());
        ReturnedMail mailto = parser.parse(sample("mailto-unsubscribe.eml"));
        assertEquals("Mail to the unsubscribe address: unsubscribe " + TOKEN, mailto.detail());
        assertEquals(TOKEN, mailto.trace().token());
    }

    @org.junit.jupiter.api.Test
    void withoutAnUnsubscribeAddressAMailToItIsUnknown() throws Exception {
        assertEquals(Kind.UNKNOWN, new ReturnedMailParser(null).parse(sample("mailto-unsubscribe-by-hand.eml")).kind());
    }

    @org.junit.jupiter.api.Test
    void theUnsubscribeTokenIsReadFromTheUrlOrTheMailtoSubject() {
        assertEquals(TOKEN, ReturnedMailParser.unsubscribeToken("<https://x.example/u/" + TOKEN + ">"));
        assertEquals(TOKEN, ReturnedMailParser.unsubscribeToken("<mailto:u@x.example?subject=unsubscribe%20" + TOKEN + ">"));
        assertNull(ReturnedMailParser.unsubscribeToken("<mailto:u@x.example?subject=stop>"));
    }
}
