package ai.paid.demo.billing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Paused agents.
 */
public interface AgentPauseRepository extends JpaRepository<AgentPause, String> {

	List<AgentPause> findAllByOrderByPausedAtDesc();

}
