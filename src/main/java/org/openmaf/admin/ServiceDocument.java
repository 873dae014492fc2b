package org.openmaf.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.openmaf.onem2m.MafInterfaceDocument;

/**
 * The OpenAPI filter of the whole service (mp.openapi.filter): completes what the annotations on the resources say
 * with what many operations share, each in one place, and names what SmallRye would name after Java types. It lives
 * in {@code admin}, the one package that may see both the MAF interface and the admin API.
 */
public class ServiceDocument implements OASFilter {

    /** The listing of {@code X} pages is named {@code XPage}, not ListingView1 after Listing's type argument. */
    static final String PAGE_SUFFIX = "Page";

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        AdminErrorResponses.document(openApi);
        MafInterfaceDocument.document(openApi);
        nameListings(openApi);
        // By name, so that a schema added or renamed moves nothing else in openapi/openapi.yaml.
        openApi.getComponents().setSchemas(new TreeMap<>(openApi.getComponents().getSchemas()));
        if (openApi.getServers() == null || openApi.getServers().isEmpty()) {
            openApi.servers(defaultServers());
        }
    }

    /**
     * Unless quarkus.smallrye-openapi.servers (or mp.openapi.servers) names the MAF's address: the MAF that serves the
     * document (what Swagger UI uses), and for a copy of it read elsewhere (openapi/openapi.yaml) the address with the
     * deployment's maf.fqdn and port.
     */
    static List<org.eclipse.microprofile.openapi.models.servers.Server> defaultServers() {
        return List.of(
                OASFactory.createServer().url("/").description("The MAF that serves this document"),
                OASFactory.createServer().url("https://{mafFqdn}:{port}").description("A MAF at its MAF-FQDN")
                        .addVariable("mafFqdn", OASFactory.createServerVariable().defaultValue("maf.my.m2mprovider.org")
                                .description("maf.fqdn"))
                        .addVariable("port", OASFactory.createServerVariable().defaultValue("8443")
                                .description("quarkus.http.ssl-port")));
    }

    private static void nameListings(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Map<String, String> renamed = new HashMap<>();
        new HashMap<>(schemas).forEach((name, schema) -> {
            Schema items = schema.getProperties() == null ? null : schema.getProperties().get("items");
            if (name.startsWith(Listing.class.getSimpleName()) && items != null && items.getItems() != null
                    && items.getItems().getRef() != null) {
                String itemName = items.getItems().getRef().substring(items.getItems().getRef().lastIndexOf('/') + 1);
                renamed.put(name, itemName + PAGE_SUFFIX);
                openApi.getComponents().removeSchema(name);
                openApi.getComponents().addSchema(itemName + PAGE_SUFFIX,
                        schema.description("One page of " + itemName + " entries, and what it takes to fetch the next"));
            }
        });
        openApi.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() == null) {
                return;
            }
            operation.getResponses().getAPIResponses().values().forEach(response -> {
                if (response.getContent() != null) {
                    response.getContent().getMediaTypes().values().forEach(media -> {
                        Schema schema = media.getSchema();
                        if (schema != null && schema.getRef() != null) {
                            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                            if (renamed.containsKey(name)) {
                                schema.ref(renamed.get(name));
                            }
                        }
                    });
                }
            });
        }));
    }
}
