package org.chuangwen.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/** Imports the configured edition file when the database has none yet. */
@Component
@Order(0)
class InitialEdition implements ApplicationRunner {

	private final Catalog catalog;
	private final CatalogProperties properties;
	private final ResourceLoader resources;

	InitialEdition(Catalog catalog, CatalogProperties properties, ResourceLoader resources) {
		this.catalog = catalog;
		this.properties = properties;
		this.resources = resources;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (catalog.hasEdition()) {
			return;
		}
		Resource file = resources.getResource(properties.initialEdition());
		catalog.importEdition(file.getFilename(), file.getContentAsString(StandardCharsets.UTF_8), "system");
	}
}
