package ai.paid.demo.agent;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Stored {@link AgentActivity}.
 */
public interface AgentActivityRepository extends JpaRepository<AgentActivity, Long> {

	List<AgentActivity> findTop30ByOrderByIdDesc();

	/**
	 * How many signals of each kind each account has caused.
	 * @return rows of account id, signal, count
	 */
	@Query("select a.accountId as accountId, a.signal as signal, count(a) as count from AgentActivity a "
			+ "group by a.accountId, a.signal")
	List<SignalCount> countByAccountAndSignal();

	/** One row of {@link #countByAccountAndSignal()}. */
	interface SignalCount {

		String getAccountId();

		String getSignal();

		long getCount();

	}

}
