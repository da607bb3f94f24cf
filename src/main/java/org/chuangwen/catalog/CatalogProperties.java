package org.chuangwen.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The edition imported into an empty database on first start. */
@ConfigurationProperties("chuangwen.catalog")
record CatalogProperties(String initialEdition) {

	CatalogProperties {
		if (initialEdition == null || initialEdition.isBlank()) {
			initialEdition = "classpath:catalog/edition-2011.yaml";
		}
	}
}
