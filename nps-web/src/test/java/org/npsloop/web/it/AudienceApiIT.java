package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audience REST API as another system uses it: API keys, contacts, lists, journey events. */
class AudienceApiIT extends OnSharedApplication {



    @Test
    void apiKeysAuthenticateUntilRevokedAndCarryTheirRole() {
        WebClient admin = signedInAdmin();
        HttpResponse<String> issued = admin.sendJson("POST", "api/api-keys", "{\"name\":\"CRM\",\"role\":\"MARKETER\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        String secret = Json.string(Json.object(issued), "secret");
        JsonObject key = Json.object(issued);
        assertEquals(List.of("CRM", "MARKETER"), List.of(Json.string(key, "key.name"), Json.string(key, "key.role")), issued.body());
        assertTrue(Json.bool(key, "key.isActive") && Json.string(key, "secret").startsWith(Json.string(key, "key.keyPrefix")), issued.body());
        String id = Json.text(key, "key.id");
        assertEquals(List.of("CRM"), Json.where(Json.array(admin.get("api/api-keys").body()), "", "id", id).stream()
                .map(listed -> Json.string(listed, "name")).toList(), "the key is listed by its name");
        assertFalse(admin.get("api/api-keys").body().contains(secret), "the secret is shown once only");

        WebClient crm = new WebClient(base).withHeader("Authorization", "Bearer " + secret);
        // A CRM's first calls often come in parallel: each is answered, none fails on the key's last-use mark.
        List<Integer> firstCalls = java.util.stream.IntStream.range(0, 8).parallel()
                .mapToObj(i -> new WebClient(base).withHeader("Authorization", "Bearer " + secret).get("api/lists").statusCode())
                .toList();
        assertEquals(java.util.Collections.nCopies(8, 200), firstCalls);
        assertFalse(Json.isNull(Json.only(Json.array(admin.get("api/api-keys").body()), "", "id", id), "lastUsedAt"),
                "the key's last use is shown");
        assertEquals(200, crm.get("api/contacts").statusCode());
        assertEquals(200, new WebClient(base).withHeader("X-API-Key", secret).get("api/lists").statusCode());
        HttpResponse<String> forbidden = crm.get("api/users");
        assertEquals(403, forbidden.statusCode(), "a MARKETER key cannot manage users");

        HttpResponse<String> wrong = new WebClient(base).withHeader("Authorization", "Bearer nps_not-a-key").get("api/contacts");
        assertEquals(401, wrong.statusCode());
        assertTrue(Json.says(wrong, "Unknown or revoked API key"), wrong.body());
        assertEquals(401, new WebClient(base).get("api/contacts").statusCode());

        assertEquals(204, admin.sendJson("DELETE", "api/api-keys/" + id, "").statusCode());
        assertEquals(401, crm.get("api/contacts").statusCode(), "revoked keys stop working at once");
    }

    @Test
    void contactsAreValidatedFieldByFieldAndStoredWithTypedAttributes() {
        WebClient api = marketerApi();
        HttpResponse<String> bad = api.sendJson("POST", "api/contacts",
                "{\"email\":\"not-an-email\",\"language\":\"DE\",\"attributes\":{\"seats\":\"many\"}}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(Json.refusedFields(bad).containsAll(List.of("email", "language")), bad.body());

        String email = Deployments.unique("jeanne") + "@exemple.fr";
        HttpResponse<String> created = api.sendJson("POST", "api/contacts", "{\"email\":\"" + email.toUpperCase()
                + "\",\"firstName\":\"Jeanne\",\"lastName\":\"Dupont\",\"language\":\"fr\",\"attributes\":"
                + "{\"plan\":\"pro\",\"seats\":12,\"signup_date\":\"2025-03-01\",\"vip\":true}}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(email, Json.string(Json.object(created), "email"), "stored lower case: " + created.body());
        String id = Json.id(created);

        HttpResponse<String> duplicate = api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\"}");
        assertEquals(400, duplicate.statusCode());

        HttpResponse<String> detail = api.get("api/contacts/" + id);
        assertEquals(200, detail.statusCode());
        JsonObject attributes = Json.object(detail).getJsonObject("attributes");
        assertEquals(12, Json.number(attributes, "seats"), detail.body());
        assertTrue(Json.bool(attributes, "vip"), detail.body());
        assertEquals("2025-03-01", Json.string(attributes, "signup_date"), detail.body());
        assertEquals("pro", Json.string(attributes, "plan"), detail.body());

        HttpResponse<String> wrongType = api.sendJson("PUT", "api/contacts/" + id, "{\"attributes\":{\"seats\":\"beaucoup\"}}");
        assertEquals(400, wrongType.statusCode());
        assertEquals(List.of("attributes.seats"), Json.refusedFields(wrongType), wrongType.body());
        HttpResponse<String> updated = api.sendJson("PUT", "api/contacts/" + id, "{\"lastName\":\"Martin\",\"attributes\":{\"seats\":\"1 234,5\"}}");
        assertEquals(200, updated.statusCode(), updated.body());
        JsonObject changed = Json.object(api.get("api/contacts/" + id).body());
        assertEquals(new java.math.BigDecimal("1234.5"), Json.decimal(changed, "attributes.seats"), changed.toString());
        assertEquals("Martin", Json.string(changed, "contact.lastName"), changed.toString());
        assertEquals("Jeanne", Json.string(changed, "contact.firstName"), "fields left out keep their value: " + changed);

        assertEquals(404, api.get("api/contacts/999999999").statusCode());
    }

    @Test
    void bulkUpsertIsAllOrNothingAndUpdatesByEmail() {
        WebClient api = marketerApi();
        String known = Deployments.unique("known") + "@exemple.fr";
        api.sendJson("POST", "api/contacts", "{\"email\":\"" + known + "\",\"firstName\":\"Old\"}");
        String a = Deployments.unique("a") + "@exemple.fr";
        String b = Deployments.unique("b") + "@exemple.fr";

        HttpResponse<String> refused = api.sendJson("POST", "api/contacts/bulk", "{\"contacts\":[{\"email\":\"" + a
                + "\"},{\"email\":\"broken@\"}]}");
        assertEquals(400, refused.statusCode());
        assertEquals(List.of("contacts[1].email"), Json.refusedFields(refused), refused.body());
        assertEquals(0, Json.number(Json.object(api.get("api/contacts?q=" + a.substring(0, a.indexOf('@'))).body()), "total"),
                "nothing of a refused batch is stored");

        HttpResponse<String> list = api.sendJson("POST", "api/lists", "{\"name\":\"" + Deployments.unique("Clients") + "\"}");
        String listId = Json.id(list);
        HttpResponse<String> done = api.sendJson("POST", "api/contacts/bulk", "{\"listId\":" + listId + ",\"contacts\":["
                + "{\"email\":\"" + a + "\",\"attributes\":{\"plan\":\"free\"}},{\"email\":\"" + b + "\"},"
                + "{\"email\":\"" + known + "\",\"firstName\":\"New\"}]}");
        assertEquals(200, done.statusCode(), done.body());
        assertEquals(List.of(2L, 1L), List.of(Json.number(Json.object(done), "created"), Json.number(Json.object(done), "updated")),
                done.body());
        assertEquals(3, Json.number(Json.object(api.get("api/lists/" + listId).body()), "members"));
        assertEquals("New", Json.string(onlyContact(api, known), "firstName"));
    }

    @Test
    void listsTakeMembersByEmailAndNameUnknownOnes() {
        WebClient api = marketerApi();
        String email = Deployments.unique("member") + "@exemple.fr";
        api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\"}");
        String listId = Json.id(api.sendJson("POST", "api/lists",
                "{\"name\":\"" + Deployments.unique("VIP") + "\"}"));

        HttpResponse<String> unknown = api.sendJson("POST", "api/lists/" + listId + "/members",
                "{\"emails\":[\"" + email + "\",\"nobody-here@exemple.fr\"]}");
        assertEquals(400, unknown.statusCode());
        assertTrue(Json.says(unknown, "nobody-here@exemple.fr"), unknown.body());

        HttpResponse<String> added = api.sendJson("POST", "api/lists/" + listId + "/members", "{\"emails\":[\"" + email + "\"]}");
        assertEquals(200, added.statusCode(), added.body());
        assertEquals(1, Json.number(Json.object(added), "added"), added.body());
        HttpResponse<String> members = api.get("api/lists/" + listId + "/members");
        assertEquals(List.of(email), Json.texts(Json.object(members), "rows", "email"), members.body());
        String contactId = Json.text(Json.object(members), "rows.0.id");
        assertEquals(204, api.sendJson("DELETE", "api/lists/" + listId + "/members/" + contactId, "").statusCode());
        assertEquals(404, api.get("api/lists/999999999").statusCode());
    }

    @Test
    void journeyEventsAreStoredOnceByExternalId() {
        WebClient api = marketerApi();
        String email = Deployments.unique("buyer") + "@exemple.fr";
        api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\"}");
        String order = Deployments.unique("order");
        String event = "{\"email\":\"" + email + "\",\"type\":\"purchase\",\"occurredAt\":\"2026-11-20T10:00:00Z\","
                + "\"externalId\":\"" + order + "\",\"properties\":{\"amount\":129.9,\"orderId\":\"A-42\"}}";

        HttpResponse<String> first = api.sendJson("POST", "api/events", event);
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> again = api.sendJson("POST", "api/events", event);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(Json.id(first), Json.id(again));
        assertEquals("CREATED", Json.string(Json.object(first), "outcome"), first.body());
        assertEquals("DUPLICATE", Json.string(Json.object(again), "outcome"), again.body());

        HttpResponse<String> batch = api.sendJson("POST", "api/events/batch", "{\"events\":[" + event + ","
                + "{\"email\":\"" + email + "\",\"type\":\"ONBOARDING\",\"occurredAt\":\"2026-11-01T09:00:00Z\"}]}");
        assertEquals(200, batch.statusCode(), batch.body());
        assertEquals(List.of("DUPLICATE", "CREATED"), Json.texts(Json.array(batch), "", "outcome"), batch.body());
        assertEquals(Json.id(first), Json.text(Json.array(batch), "0.id"), batch.body());

        HttpResponse<String> bad = api.sendJson("POST", "api/events", "{\"email\":\"unknown-person@exemple.fr\",\"type\":\"bad type\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(Json.refusedFields(bad).containsAll(List.of("email", "type", "occurredAt")), bad.body());

        String contactId = Json.text(onlyContact(api, email), "id");
        String detail = api.get("api/contacts/" + contactId).body();
        assertEquals(List.of("ONBOARDING", "PURCHASE"), Json.texts(Json.object(detail), "events", "type").stream().sorted().toList(),
                "one PURCHASE and one ONBOARDING: " + detail);
    }

    @Test
    void suppressedAddressesStayUnreachableEvenWhenImportedAgain() {
        WebClient api = marketerApi();
        String existing = Deployments.unique("existing") + "@exemple.fr";
        String future = Deployments.unique("future") + "@exemple.fr";
        api.sendJson("POST", "api/contacts", "{\"email\":\"" + existing + "\"}");

        assertEquals(201, api.sendJson("POST", "api/suppressions", "{\"email\":\"" + existing + "\",\"reason\":\"BOUNCED\"}").statusCode());
        HttpResponse<String> unsubscribed = api.sendJson("POST", "api/suppressions",
                "{\"email\":\"" + future + "\",\"reason\":\"UNSUBSCRIBED\"}");
        assertEquals(201, unsubscribed.statusCode(), unsubscribed.body());
        assertEquals("BOUNCED", Json.string(onlyContact(api, existing), "status"));

        api.sendJson("POST", "api/contacts/bulk", "{\"contacts\":[{\"email\":\"" + future + "\"}]}");
        assertEquals("UNSUBSCRIBED", Json.string(onlyContact(api, future), "status"), "re-imported, still unsubscribed");

        HttpResponse<String> lift = api.sendJson("DELETE", "api/suppressions/" + Json.id(unsubscribed), "");
        assertEquals(400, lift.statusCode(), "an unsubscribe is permanent");
        String manual = Json.id(api.sendJson("POST", "api/suppressions",
                "{\"email\":\"" + Deployments.unique("blocked") + "@exemple.fr\"}"));
        assertEquals(204, api.sendJson("DELETE", "api/suppressions/" + manual, "").statusCode());
    }

    @Test
    void erasingAContactRemovesPersonalData() {
        WebClient api = marketerApi();
        String email = Deployments.unique("forget-me") + "@exemple.fr";
        String id = Json.id(api.sendJson("POST", "api/contacts", "{\"email\":\"" + email
                + "\",\"firstName\":\"Paul\",\"attributes\":{\"country\":\"FR\"}}"));
        assertEquals(204, api.sendJson("DELETE", "api/contacts/" + id, "").statusCode());
        String detail = api.get("api/contacts/" + id).body();
        assertEquals("ERASED", Json.string(Json.object(detail), "contact.status"), detail);
        assertFalse(detail.contains(email) || detail.contains("Paul") || detail.contains("country"), detail);
    }

    @Test
    void aFrenchExcelFileIsImportedInTheBackgroundWithEveryBadLineReported() throws Exception {
        WebClient api = marketerApi();
        String run = Deployments.unique("imp");
        String listId = Json.id(api.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
        // Windows-1252 (what Excel saves in France), ';' separated, French headers, 3 bad lines among 1,000 good ones.
        StringBuilder csv = new StringBuilder("Pr\u00e9nom;Nom;Courriel;inscription;Langue;plan\r\n");
        int good = 0;
        for (int position = 1; position <= 1003; position++) {
            switch (position) {
                case 101 -> csv.append("Jean;Faux;jean.faux@;2025-01-01;FR;x\r\n");
                case 502 -> csv.append("Marc;Date;marc-").append(run).append("@exemple.fr;31-31-2025;FR;x\r\n");
                case 903 -> csv.append("Luc;Trop;luc-").append(run).append("@exemple.fr;2025-01-01;FR;x;surplus\r\n");
                default -> {
                    good++;
                    csv.append("H\u00e9l\u00e8ne;Fran\u00e7ois;").append(run).append('-').append(good).append("@exemple.fr;")
                            .append(String.format("%02d/03/2025", 1 + good % 28)).append(';')
                            .append(good % 2 == 0 ? "FR" : "EN").append(';')
                            .append(good % 3 == 0 ? "pro-" + run : "free-" + run).append("\r\n");
                }
            }
        }
        HttpResponse<String> started = api.send("POST", "api/imports?fileName=clients.csv&listId=" + listId, "text/csv",
                csv.toString().getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertEquals(202, started.statusCode(), started.body());
        String jobId = Json.id(started);

        JsonObject status = Json.object(started);
        for (int i = 0; i < 240 && !List.of("DONE", "FAILED").contains(Json.string(status, "status")); i++) {
            Thread.sleep(250);
            status = Json.object(api.get("api/imports/" + jobId).body());
        }
        assertEquals("DONE", Json.string(status, "status"), status.toString());
        assertEquals(List.of(1000L, 3L, 1003L), List.of(Json.number(status, "imported"), Json.number(status, "rejected"),
                Json.number(status, "total")), status.toString());

        HttpResponse<String> report = api.get("api/imports/" + jobId + "/report");
        assertEquals(200, report.statusCode());
        assertTrue(report.body().contains("102;invalid email 'jean.faux@'"), report.body());
        assertTrue(report.body().contains("503;inscription: not a date"), report.body());
        assertTrue(report.body().contains("904;") && report.body().contains("unknown column"), report.body());
        assertEquals(0, Json.number(Json.object(api.get("api/contacts?q=marc-" + run).body()), "total"), "a bad line stores nothing");

        JsonObject hélène = onlyContact(api, run + "-7@");
        assertEquals(List.of("H\u00e9l\u00e8ne", "EN"), List.of(Json.string(hélène, "firstName"), Json.string(hélène, "language")),
                hélène.toString());
        assertEquals(1000, Json.number(Json.object(api.get("api/lists/" + listId).body()), "members"));

        // Segments counted by the database against hand-computed expectations.
        String pro = "{\"type\":\"attribute\",\"attribute\":\"plan\",\"operator\":\"EQUALS\",\"values\":[\"PRO-" + run + "\"]}";
        String french = "{\"type\":\"field\",\"field\":\"LANGUAGE\",\"operator\":\"EQUALS\",\"values\":[\"FR\"]}";
        String inList = "{\"type\":\"list\",\"listId\":" + listId + ",\"member\":true}";
        String march10 = "{\"type\":\"attribute\",\"attribute\":\"inscription\",\"operator\":\"BEFORE\",\"values\":[\"2025-03-10\"]}";
        assertEquals("333", count(api, pro));                                    // every third row, case-insensitive
        assertEquals("166", count(api, group("ALL", pro, french)));             // multiples of 6
        assertEquals("1000", count(api, inList));
        assertEquals("667", count(api, group("ANY", pro, group("ALL", inList, french)))); // 333 + 500 - 166
        // Day of March = 1 + good % 28; before the 10th: good % 28 in 0..8, 9 values of 28 per cycle.
        long expectedBefore10 = java.util.stream.IntStream.rangeClosed(1, 1000).filter(g -> 1 + g % 28 < 10).count();
        assertEquals(String.valueOf(expectedBefore10), count(api, group("ALL", inList, march10)));

        HttpResponse<String> saved = api.sendJson("POST", "api/segments", "{\"name\":\"Pro " + run
                + "\",\"rule\":" + group("ALL", pro, french) + "}");
        assertEquals(201, saved.statusCode(), saved.body());
        HttpResponse<String> savedCount = api.get("api/segments/" + Json.id(saved) + "/count");
        assertEquals(166, Json.number(Json.object(savedCount), "matching"), savedCount.body());
        HttpResponse<String> export = api.get("api/segments/" + Json.id(saved) + "/export");
        assertEquals(200, export.statusCode());
        String[] lines = export.body().split("\r\n");
        assertEquals(167, lines.length, "header + 166 contacts");
        assertTrue(lines[0].startsWith("\ufeffemail;first name;last name;language;status;"), lines[0]);
        assertTrue(lines[1].contains(";Fran\u00e7ois;FR;ACTIVE;") && lines[1].contains("pro-" + run), lines[1]);
        assertEquals(1001, api.get("api/lists/" + listId + "/export").body().split("\r\n").length);

        HttpResponse<String> unknownAttribute = api.sendJson("POST", "api/segments/preview",
                "{\"type\":\"attribute\",\"attribute\":\"no_such_thing\",\"operator\":\"IS_SET\"}");
        assertEquals(400, unknownAttribute.statusCode());
        assertTrue(Json.says(unknownAttribute, "no_such_thing"), unknownAttribute.body());
    }

    @Test
    void journeyEventsAreImportedFromCsvWithBadLinesReported() {
        WebClient api = marketerApi();
        String email = Deployments.unique("events") + "@exemple.fr";
        api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\"}");
        String order = Deployments.unique("cmd");
        String csv = "Courriel;\u00c9v\u00e9nement;Date;R\u00e9f\u00e9rence;montant\n"
                + email + ";purchase;20/11/2026 10:30;" + order + ";129,90\n"
                + email + ";ONBOARDING;2026-01-05;;\n"
                + "stranger@exemple.fr;PURCHASE;2026-11-01;;\n"
                + email + ";PURCHASE;yesterday;;\n"
                + email + ";purchase;20/11/2026 10:30;" + order + ";129,90\n";
        HttpResponse<String> result = api.send("POST", "api/events/import", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, result.statusCode(), result.body());
        JsonObject imported = Json.object(result);
        assertEquals(List.of(2L, 1L), List.of(Json.number(imported, "created"), Json.number(imported, "duplicates")), result.body());
        assertEquals(List.of("4", "5"), Json.texts(imported, "rejections", "line"), result.body());
        assertTrue(Json.string(imported, "rejections.0.reason").contains("no contact with email stranger@exemple.fr"), result.body());
        assertTrue(Json.string(imported, "rejections.1.reason").contains("not a time"), result.body());
        String detail = api.get("api/contacts/" + Json.text(onlyContact(api, email), "id")).body();
        JsonObject purchase = Json.only(Json.object(detail), "events", "type", "PURCHASE");
        assertEquals(Json.object("{\"montant\":\"129,90\"}"), Json.at(purchase, "properties"), detail);
        assertEquals("2026-11-20T10:30:00Z", Json.string(purchase, "occurredAt"), detail);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        HttpResponse<String> openapi = admin.get("openapi");
        assertEquals(200, openapi.statusCode());
        for (String path : new String[] {"/api/contacts", "/api/contacts/bulk", "/api/lists", "/api/segments/{id}/count",
            "/api/events/batch", "/api/imports", "NPS Loop API", "bearer"}) {
            assertTrue(openapi.body().contains(path), path + " in " + openapi.body());
        }
    }

    @Test
    void filesWithoutDataOrWithoutAnEmailColumnAreRefusedWithAReason() {
        WebClient api = marketerApi();
        HttpResponse<String> empty = api.send("POST", "api/imports", "text/csv", new byte[0]);
        assertEquals(400, empty.statusCode());
        assertTrue(Json.says(empty, "The file is empty"), empty.body());

        HttpResponse<String> noEmailColumn = api.send("POST", "api/imports", "text/csv",
                "name;city\nJean;Lyon\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, noEmailColumn.statusCode());
        assertTrue(Json.refusal(noEmailColumn, "mapping").toLowerCase().contains("email"), noEmailColumn.body());
    }

    private static String count(WebClient api, String rule) {
        HttpResponse<String> preview = api.sendJson("POST", "api/segments/preview", rule);
        assertEquals(200, preview.statusCode(), preview.body());
        return Json.text(Json.object(preview), "matching");
    }

    /** The one contact whose address contains {@code text} ({@code GET /api/contacts?q=}): addresses here are unique to a run. */
    private static JsonObject onlyContact(WebClient api, String text) {
        String query = text.contains("@") && !text.endsWith("@") ? text.substring(0, text.indexOf('@')) : text;
        JsonObject page = Json.object(api.get("api/contacts?q=" + query).body());
        assertEquals(1, Json.number(page, "total"), page.toString());
        return Json.objects(page, "rows").get(0);
    }

    @Test
    void refusalsAreWrittenInTheCallersLanguageEnglishByDefault() {
        String body = "{\"email\":\"pas-une-adresse\",\"language\":\"DE\"}";
        HttpResponse<String> english = marketerApi().sendJson("POST", "api/contacts", body);
        assertEquals(400, english.statusCode(), english.body());
        assertEquals("Invalid input", Json.string(Json.object(english), "message"), english.body());
        assertEquals("Not a valid email address: pas-une-adresse", Json.refusal(english, "email"), english.body());
        assertTrue(Json.refusal(english, "language").contains("unknown language 'DE' (expected EN or FR)"), english.body());

        HttpResponse<String> french = marketerApi().withHeader("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5")
                .sendJson("POST", "api/contacts", body);
        assertEquals(400, french.statusCode(), french.body());
        assertEquals("Saisie non valide", Json.string(Json.object(french), "message"), french.body());
        assertEquals("Adresse e-mail non valide : pas-une-adresse", Json.refusal(french, "email"), french.body());
        assertTrue(Json.refusal(french, "language").contains("langue inconnue \u00ab DE \u00bb (attendu EN ou FR)"), french.body());
        assertFalse(french.body().contains("Not a valid"), french.body());

        HttpResponse<String> notFound = marketerApi().withHeader("Accept-Language", "fr")
                .send("GET", "api/lists/987654321", "application/json", new byte[0]);
        assertEquals(404, notFound.statusCode(), notFound.body());
        assertTrue(Json.string(Json.object(notFound), "message").contains("Aucune liste avec l'identifiant 987654321"), notFound.body());
    }

    private static String group(String match, String... rules) {
        return "{\"type\":\"group\",\"match\":\"" + match + "\",\"rules\":[" + String.join(",", rules) + "]}";
    }

    private WebClient signedInAdmin() {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        return admin;
    }

    private WebClient marketerApi() {
        return AudienceApi.marketer(base);
    }
}
