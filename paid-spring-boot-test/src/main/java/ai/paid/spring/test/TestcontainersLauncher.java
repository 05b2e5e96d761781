package ai.paid.spring.test;

/**
 * Starts databases with Testcontainers. Testcontainers is an optional dependency: its classes are only touched
 * (in {@link TestcontainersDatabases}) after checking that they are on the class path.
 */
final class TestcontainersLauncher implements TestDatabaseResolver.ContainerLauncher {

	private static final String DOCKER_CLIENT_FACTORY = "org.testcontainers.DockerClientFactory";

	@Override
	public boolean isAvailable() {
		if (!isPresent(DOCKER_CLIENT_FACTORY)) {
			return false;
		}
		try {
			return TestcontainersDatabases.isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	@Override
	public TestDatabase start(TestDatabase.Kind kind) {
		return TestcontainersDatabases.start(kind);
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, TestcontainersLauncher.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
