package ai.paid.spring.userapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application as a new user has it: MVC, JPA and H2 from the classpath, one {@code @PaidSync} entity, the starter
 * added. Its tests are the README's "Testing your app" examples.
 */
@SpringBootApplication
class UserApp {

}
