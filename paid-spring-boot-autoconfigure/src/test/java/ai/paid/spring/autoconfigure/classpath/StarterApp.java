package ai.paid.spring.autoconfigure.classpath;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * An application that is nothing but auto-configuration, started in a class loader that lacks a technology.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StarterApp {

}
