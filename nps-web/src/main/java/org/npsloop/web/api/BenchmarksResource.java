package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.npsloop.domain.user.Role;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.benchmark.BenchmarkService;
import org.npsloop.reporting.benchmark.BenchmarkService.ReferenceInput;
import org.npsloop.reporting.benchmark.BenchmarkService.ReferenceView;

/**
 * Benchmark references, {@code {"sector":"Retail banking","region":"France","year":2025,"source":"...",
 * "licenceNote":"...","nps":32.5}}: read by ADMIN, EXECUTIVE and MARKETER, written by ADMIN and EXECUTIVE. The
 * comparison with the company's NPS and the internal benchmarks read answers: EXECUTIVE and MARKETER, as every report.
 */
@RequestScoped
@Path("benchmarks")
@RolesAllowed({Role.ADMIN_NAME, Role.EXECUTIVE_NAME, Role.MARKETER_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BenchmarksResource {

    @Inject
    private BenchmarkService benchmarks;

    /** Year and NPS as any JSON value, so that {@code "nps":"high"} is a field error rather than an unreadable body. */
    public record Body(String sector, String region, JsonValue year, String source, String licenceNote, JsonValue nps) {
    }

    @GET
    public List<ReferenceView> list() {
        return benchmarks.references();
    }

    @GET
    @Path("{id: [0-9]+}")
    public ReferenceView get(@PathParam("id") long id) {
        return benchmarks.reference(id);
    }

    @POST
    @RolesAllowed({Role.ADMIN_NAME, Role.EXECUTIVE_NAME})
    public Response create(Body body, @Context UriInfo uri) {
        ReferenceView created = benchmarks.create(input(body));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @PUT
    @Path("{id: [0-9]+}")
    @RolesAllowed({Role.ADMIN_NAME, Role.EXECUTIVE_NAME})
    public ReferenceView update(@PathParam("id") long id, Body body) {
        return benchmarks.update(id, input(body));
    }

    @DELETE
    @Path("{id: [0-9]+}")
    @RolesAllowed({Role.ADMIN_NAME, Role.EXECUTIVE_NAME})
    public Response delete(@PathParam("id") long id) {
        benchmarks.delete(id);
        return Response.noContent().build();
    }

    /** The company's NPS over the filter's period ({@code from}, {@code to}, {@code includeFlagged}) against reference {@code id}. */
    @GET
    @Path("{id: [0-9]+}/comparison")
    @RolesAllowed({Role.EXECUTIVE_NAME, Role.MARKETER_NAME})
    public BenchmarkJson.Comparison comparison(@PathParam("id") long id, @BeanParam ReportFilterParams params) {
        return BenchmarkJson.of(benchmarks.compare(id, params.toFilter()));
    }

    /** Each segment and journey moment (with every filter of {@link ReportFilterParams}) against the company over the period. */
    @GET
    @Path("internal")
    @RolesAllowed({Role.EXECUTIVE_NAME, Role.MARKETER_NAME})
    public BenchmarkJson.Internal internal(@BeanParam ReportFilterParams params) {
        ReportFilter filter = params.toFilter();
        return BenchmarkJson.of(benchmarks.internal(filter));
    }

    /** Year and NPS as text, as the reference parses them: a JSON number as written, a string as it is. */
    private static ReferenceInput input(Body body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return new ReferenceInput(body.sector(), body.region(), text(body.year()), body.source(), body.licenceNote(),
                text(body.nps()));
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue().toPlainString();
        }
        // true, an object...: refused as not a number, shown as it was sent.
        return value.toString();
    }
}
