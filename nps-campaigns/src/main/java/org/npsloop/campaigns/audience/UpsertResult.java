package org.npsloop.campaigns.audience;

/** What a bulk upsert did. */
public record UpsertResult(int created, int updated) {

    public UpsertResult plus(UpsertResult other) {
        return new UpsertResult(created + other.created, updated + other.updated);
    }
}
