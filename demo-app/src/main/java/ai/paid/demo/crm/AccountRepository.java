package ai.paid.demo.crm;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored {@link Account}s.
 */
public interface AccountRepository extends JpaRepository<Account, String> {

	List<Account> findAllByOrderByCreatedAtAsc();

}
