package org.chuangwen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Chuangwen {

	public static void main(String[] args) {
		SpringApplication.run(Chuangwen.class, args);
	}
}
