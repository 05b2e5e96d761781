package ai.paid.demo.crm;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored {@link Subscription}s.
 */
public interface SubscriptionRepository extends JpaRepository<Subscription, String> {

	List<Subscription> findAllByOrderByCreatedAtAsc();

}
