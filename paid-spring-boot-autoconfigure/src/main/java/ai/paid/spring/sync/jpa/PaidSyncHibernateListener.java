package ai.paid.spring.sync.jpa;

import java.util.function.Supplier;

import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Hibernate listener feeding {@link PaidEntityCapture}: post-insert/update/delete (during flush) record the changes;
 * load, persist, merge and remove of a synced entity make the capture watch the transaction early, so it can flush and
 * queue in Spring's {@code beforeCommit}. Nothing is queued until the transaction is about to commit.
 */
final class PaidSyncHibernateListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
		PostLoadEventListener, PersistEventListener, MergeEventListener, DeleteEventListener {

	private final Supplier<PaidEntityCapture> capture;

	PaidSyncHibernateListener(Supplier<PaidEntityCapture> capture) {
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
	public void onPostLoad(PostLoadEvent event) {
		this.capture.get().touched(event.getSession(), event.getEntity());
	}

	@Override
	public void onPersist(PersistEvent event) {
		this.capture.get().touched(event.getSession(), event.getObject());
	}

	@Override
	public void onPersist(PersistEvent event, PersistContext context) {
		onPersist(event);
	}

	@Override
	public void onMerge(MergeEvent event) {
		this.capture.get().touched(event.getSession(), event.getOriginal());
	}

	@Override
	public void onMerge(MergeEvent event, MergeContext context) {
		onMerge(event);
	}

	@Override
	public void onDelete(DeleteEvent event) {
		this.capture.get().touched(event.getSession(), event.getObject());
	}

	@Override
	public void onDelete(DeleteEvent event, DeleteContext context) {
		onDelete(event);
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

}
