package ai.paid.spring.autoconfigure.classpath;

import java.io.Closeable;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's auto-configuration starts silently on a classpath without JPA, without JDBC, without actuator and
 * without WebFlux. Each test starts a real application in a class loader built from the test classpath minus the
 * technology's jars. A {@code FilteredClassLoader} cannot show the failure this guards against: it hides classes from
 * conditions only, while the auto-configuration classes are still defined by the application class loader, which
 * resolves an annotation's class-valued attribute such as {@code after = HibernateJpaAutoConfiguration.class}
 * without trouble. Here the class is really missing, as in an application without JPA.
 */
@ExtendWith(OutputCaptureExtension.class)
class StarterClasspathTests {

	private static final String PREFIX = "[isolated app]";

	private static final List<String> JPA = List.of("hibernate-", "jakarta.persistence-api", "spring-boot-hibernate",
			"spring-boot-jpa", "spring-boot-data-jpa", "spring-data-jpa", "spring-data-commons", "spring-orm",
			"spring-boot-starter-data-jpa");

	private static final List<String> JDBC = List.of("spring-jdbc", "spring-boot-jdbc", "spring-boot-starter-jdbc",
			"h2-", "HikariCP", "postgresql-", "mariadb-java-client", "spring-tx", "spring-boot-transaction");

	private static final List<String> ACTUATOR = List.of("spring-boot-actuator", "spring-boot-health",
			"spring-boot-starter-actuator", "spring-boot-micrometer");

	private static final List<String> WEBFLUX = List.of("spring-webflux", "spring-boot-webclient",
			"spring-boot-starter-webclient", "spring-boot-reactor-netty", "reactor-netty");

	@Test
	void withoutJpaStartsSilently(CapturedOutput output) throws Exception {
		startWithout(JPA);
		assertClean(output);
	}

	@Test
	void withoutJdbcStartsSilently(CapturedOutput output) throws Exception {
		startWithout(Stream.concat(JPA.stream(), JDBC.stream()).toList());
		assertClean(output);
	}

	@Test
	void withoutActuatorStartsSilently(CapturedOutput output) throws Exception {
		startWithout(ACTUATOR);
		assertClean(output);
	}

	@Test
	void withoutWebFluxStartsSilently(CapturedOutput output) throws Exception {
		startWithout(WEBFLUX);
		assertClean(output);
	}

	private static void assertClean(CapturedOutput output) {
		// only the isolated application's lines: other tests' background threads share the captured output
		List<String> lines = output.getAll().lines().filter((line) -> line.startsWith(PREFIX)).toList();
		assertThat(lines).anyMatch((line) -> line.contains(" INFO ") && line.contains(" Started "));
		List<String> noisy = lines.stream()
			.filter((line) -> line.contains("Failed to introspect") || line.contains("TypeNotPresentException")
					|| line.contains("NoClassDefFoundError") || line.contains("ClassNotFoundException")
					|| ((line.contains(" WARN ") || line.contains(" ERROR "))
							&& line.toLowerCase(Locale.ROOT).contains("paid")))
			.toList();
		assertThat(noisy).isEmpty();
	}

	private static void startWithout(List<String> hiddenJars) throws Exception {
		URL[] urls = classpath().filter((entry) -> {
			String name = Path.of(entry).getFileName().toString();
			return hiddenJars.stream().noneMatch(name::startsWith);
		}).map(StarterClasspathTests::url).toArray(URL[]::new);
		assertThat(urls).as("the classpath lost only the hidden jars").hasSizeGreaterThan(20);
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
			thread.setContextClassLoader(loader);
			Class<?> springApplication = loader.loadClass("org.springframework.boot.SpringApplication");
			Object context;
			try {
				context = springApplication.getMethod("run", Class.class, String[].class)
					.invoke(null, loader.loadClass(StarterApp.class.getName()), arguments());
			}
			catch (InvocationTargetException ex) {
				throw new AssertionError("The application did not start", ex.getCause());
			}
			((Closeable) context).close();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static String[] arguments() {
		List<String> arguments = new ArrayList<>(List.of("--spring.main.web-application-type=none",
				"--spring.main.register-shutdown-hook=false", "--spring.datasource.url=jdbc:h2:mem:classpath-"
						+ System.nanoTime(),
				"--paid.api-key=test-key", "--paid.base-url=http://127.0.0.1:9", "--spring.jmx.enabled=false",
				"--logging.pattern.console=" + PREFIX + " %5p %c - %m%n"));
		return arguments.toArray(String[]::new);
	}

	private static Stream<String> classpath() {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(classpath.split(File.pathSeparator)).filter((entry) -> !entry.isBlank());
	}

	private static URL url(String entry) {
		try {
			return Path.of(entry).toUri().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
