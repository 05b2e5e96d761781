package ai.paid.spring.sync.delivery;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import ai.paid.spring.sync.PaidEntityType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read access to what the sync knows Paid has: the Paid id of each customer, contact and order Paid acknowledged
 * (table {@code paid_sync_link}, filled from Paid's responses). For dashboards, support tools and tests; the table
 * itself stays the sync's own.
 */
public final class PaidSyncLinkQueries {

	private final JdbcOperations jdbc;

	/**
	 * Create queries on the application's data source.
	 * @param dataSource the data source holding the sync's tables
	 */
	public PaidSyncLinkQueries(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * The Paid id of an object, once Paid acknowledged it.
	 * @param type what the object is
	 * @param externalId its external id
	 * @return its Paid id, empty while Paid has not acknowledged it
	 */
	public Optional<String> paidId(PaidEntityType type, String externalId) {
		List<String> ids = this.jdbc.queryForList(
				"SELECT paid_id FROM paid_sync_link WHERE entity_type = ? AND entity_id = ?", String.class,
				type.name(), externalId);
		return ids.stream().findFirst();
	}

	/**
	 * Every object Paid acknowledged, with its Paid id.
	 * @return the links, in no particular order
	 */
	public List<Link> links() {
		return this.jdbc.query("SELECT entity_type, entity_id, paid_id FROM paid_sync_link",
				(rs, row) -> new Link(PaidEntityType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)));
	}

	/**
	 * An object Paid has.
	 *
	 * @param type what it is
	 * @param externalId its external id
	 * @param paidId its id in Paid
	 */
	public record Link(PaidEntityType type, String externalId, String paidId) {

	}

}
