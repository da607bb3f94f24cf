package org.chuangwen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(Chuangwen.class);

	@Test
	void modulesOnlyUseEachOthersPublicTypesAndFormNoCycles() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentationForEveryModule() {
		Documenter documenter = new Documenter(modules);
		documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
		Path docs = Path.of("target", "spring-modulith-docs");
		modules.forEach(module -> assertThat(docs.resolve("module-" + module.getIdentifier() + ".puml")).exists());
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
				.contains("platform", "orgs", "audit", "catalog", "evidence", "readiness", "demo");
	}
}
