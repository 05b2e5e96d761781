package ai.paid.spring.sync;

import java.util.function.Supplier;

import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Hibernate post-insert/update/delete listener feeding {@link PaidEntityCapture}. Runs during flush, inside the
 * transaction; nothing is queued until the transaction is about to commit.
 */
final class PaidSyncEventListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

	private final Supplier<PaidEntityCapture> capture;

	PaidSyncEventListener(Supplier<PaidEntityCapture> capture) {
		this.capture = capture;
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		this.capture.get().inserted(event.getSession(), event.getPersister(), event.getId(), event.getEntity());
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		this.capture.get()
			.updated(event.getSession(), event.getPersister(), event.getId(), event.getEntity(),
					event.getDirtyProperties());
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		this.capture.get().deleted(event.getSession(), event.getPersister(), event.getId(), event.getEntity());
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

}
