package ai.paid.spring.sync;

import java.util.List;

/**
 * The Paid mapping of one or more entities is wrong (no external id, no customer relation, an unknown Paid field, a
 * member of the wrong type). Thrown at startup; each problem names the entity and the member.
 */
public class PaidSyncMappingException extends RuntimeException {

	private final List<String> problems;

	public PaidSyncMappingException(List<String> problems) {
		super("Invalid Paid mapping:" + System.lineSeparator() + "  - "
				+ String.join(System.lineSeparator() + "  - ", problems));
		this.problems = List.copyOf(problems);
	}

	/** One line per problem, each naming the entity and the member. */
	public List<String> getProblems() {
		return this.problems;
	}

}
