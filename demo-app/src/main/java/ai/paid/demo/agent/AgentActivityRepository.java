package ai.paid.demo.agent;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored {@link AgentActivity}.
 */
public interface AgentActivityRepository extends JpaRepository<AgentActivity, Long> {

	List<AgentActivity> findTop30ByOrderByIdDesc();

}
