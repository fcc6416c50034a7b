package org.npsloop.domain.deliverability;

/** Where a delivery report (and the suppression it caused) came from: shown to the ADMIN who reviews it. */
public enum DeliverySource {
    /** The SMTP server's reply while sending. */
    SMTP,
    /** A delivery status notification (RFC 3464, or a provider's own format) in the bounce mailbox. */
    DSN,
    /** An abuse feedback report (RFC 5965) in the bounce mailbox. */
    ARF,
    /** A mail to the List-Unsubscribe mailto address (RFC 2369). */
    MAILTO,
    /** Amazon SES through an SNS notification. */
    SES,
    SENDGRID,
    MAILGUN,
    POSTMARK,
    /** The generic authenticated JSON endpoint. */
    API,
    /** The respondent's unsubscribe page (one-click or confirmed). */
    PAGE,
    /** An ADMIN or MARKETER by hand. */
    MANUAL
}
