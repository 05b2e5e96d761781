package ai.paid.demo.crm;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored {@link Contact}s.
 */
public interface ContactRepository extends JpaRepository<Contact, String> {

	List<Contact> findAllByOrderByCreatedAtAsc();

}
