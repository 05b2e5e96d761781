package ai.paid.spring.sync.jpa;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.util.Assert;

/**
 * Keyset pagination through a synced class: pages ordered by id, each starting after the last id of the previous one,
 * read-only and in the caller's transaction. Positions are kept as strings (they are stored between restarts).
 */
final class BackfillPager {

	private final EntityManagerFactory entityManagerFactory;

	BackfillPager(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	/** The page of at most {@code size} entities after {@code lastId} (from the start when {@code null}). */
	List<?> page(SyncedClass synced, @Nullable String lastId, int size) {
		String id = "e." + synced.idAttribute();
		TypedQuery<?> query = entityManager()
			.createQuery("select e from " + synced.name() + " e" + synced.fetches()
					+ ((lastId != null) ? " where " + id + " > :last" : "") + " order by " + id, synced.javaType())
			.setMaxResults(size)
			.setHint("org.hibernate.readOnly", true);
		if (lastId != null) {
			Object last = parseId(lastId, synced.idType());
			Assert.state(last != null, () -> "Stored backfill position '" + lastId + "' is not a " + synced.idType());
			query.setParameter("last", last);
		}
		return query.getResultList();
	}

	/** The position of an entity of the page, to continue after it. */
	String positionOf(Object entity) {
		return String.valueOf(this.entityManagerFactory.getPersistenceUnitUtil().getIdentifier(entity));
	}

	long count(SyncedClass synced) {
		return entityManager().createQuery("select count(e) from " + synced.name() + " e", Long.class)
			.getSingleResult();
	}

	/** The entity with this id, when the text is an id of the class's id type. */
	@Nullable Object find(SyncedClass synced, String id) {
		Object parsed = parseId(id, synced.idType());
		return (parsed != null) ? entityManager().find(synced.javaType(), parsed) : null;
	}

	/** Detaches what the page loaded, so memory stays bounded whatever the table size. */
	void clear() {
		entityManager().clear();
	}

	private EntityManager entityManager() {
		return EntityManagerFactoryUtils.getTransactionalEntityManager(this.entityManagerFactory);
	}

	private static @Nullable Object parseId(String value, Class<?> idType) {
		try {
			if (idType == String.class) {
				return value;
			}
			if (idType == Long.class) {
				return Long.valueOf(value);
			}
			if (idType == Integer.class) {
				return Integer.valueOf(value);
			}
			if (idType == Short.class) {
				return Short.valueOf(value);
			}
			if (idType == UUID.class) {
				return UUID.fromString(value);
			}
			if (idType == BigInteger.class) {
				return new BigInteger(value);
			}
			if (idType == BigDecimal.class) {
				return new BigDecimal(value);
			}
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return null;
	}

}
