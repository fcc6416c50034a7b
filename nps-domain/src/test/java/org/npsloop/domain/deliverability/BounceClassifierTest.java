package org.npsloop.domain.deliverability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.npsloop.domain.deliverability.DeliveryEventKind.HARD_BOUNCE;
import static org.npsloop.domain.deliverability.DeliveryEventKind.SOFT_BOUNCE;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BounceClassifierTest {

    @ParameterizedTest(name = "{0} / {1} / {2} → {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            5.1.1  | 550 | 550 5.1.1 <jeanne@example.com>: Recipient address rejected: User unknown | HARD_BOUNCE
            5.1.10 | 550 | 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup | HARD_BOUNCE
            5.2.1  | 550 | 5.2.1 The email account that you tried to reach is disabled | HARD_BOUNCE
            5.2.2  | 552 | 5.2.2 The email account that you tried to reach is over quota | SOFT_BOUNCE
            5.4.4  | 550 | 5.4.4 Unrouteable address | HARD_BOUNCE
            5.7.1  | 550 | 5.7.1 Message rejected as spam by Content Filtering | SOFT_BOUNCE
            5.7.1  | 550 | 5.7.1 <x@example.com>: Recipient address rejected: user unknown in virtual mailbox table | HARD_BOUNCE
            5.7.26 | 550 | 5.7.26 Unauthenticated email from acme.example is not accepted due to domain's DMARC policy | SOFT_BOUNCE
            4.2.2  | 452 | 4.2.2 Mailbox full | SOFT_BOUNCE
            4.4.1  | 0   | connection timed out | SOFT_BOUNCE
            -      | 550 | 550 No such user here | HARD_BOUNCE
            -      | 550 | 550 Message blocked by our spam filter | SOFT_BOUNCE
            -      | 554 | 554 rejected | HARD_BOUNCE
            -      | 421 | 421 Too many connections | SOFT_BOUNCE
            -      | 0   | Remote host said: 550 5.1.1 unknown or illegal alias | HARD_BOUNCE
            -      | 0   | Sorry, I couldn't find any host named example.invalid. (#5.1.2) | HARD_BOUNCE
            """)
    void eachReplyIsHardOnlyWhenItSpeaksAgainstTheAddress(String status, int code, String diagnostic, DeliveryEventKind kind) {
        assertEquals(Optional.of(kind), BounceClassifier.classify(status, code, diagnostic));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2.0.0 | 250 | 250 2.0.0 OK
            -     | 250 | 250 Queued
            """)
    void aSuccessIsNoBounce(String status, int code, String diagnostic) {
        assertEquals(Optional.empty(), BounceClassifier.classify(status, code, diagnostic));
    }

    @org.junit.jupiter.api.Test
    void nothingKnownIsAHardBounceOnlyForA5xxReply() {
        assertEquals(Optional.of(HARD_BOUNCE), BounceClassifier.classify(null, 0, "Delivery failed permanently"));
        assertEquals(Optional.of(SOFT_BOUNCE), BounceClassifier.classify(null, 451, null));
    }
}
