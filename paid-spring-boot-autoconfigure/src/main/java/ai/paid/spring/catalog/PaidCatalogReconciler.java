package ai.paid.spring.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import ai.paid.spring.client.BlockingPaidClient;
import ai.paid.spring.client.CreateProductRequest;
import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.Product;
import ai.paid.spring.client.ProductDetail;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles the declared products ({@link PaidProductDefinition}) with Paid, by external id: reads each product
 * ({@code GET /products/external/{id}}), compares it with its declaration, and in {@link PaidCatalogMode#APPLY}
 * creates a missing one ({@code POST /products/}, then its prices with {@code PUT /products/external/{id}}, since
 * Paid takes no pricing on create) or updates one that differs ({@code PUT}, attributes by the ids read from Paid).
 * A product in sync costs one {@code GET} and no write. It never deletes or archives anything, and never reads or
 * writes a product that is not declared.
 * <p>
 * Runs once at startup in the configured mode (a log summary; with {@code paid.catalog.fail-on-drift=true} drift
 * stops the start) and again on demand ({@code paidcatalog} endpoint). A Paid that cannot be reached is reported as
 * {@link CatalogProductState.Status#FAILED} and never stops the start. Blocks while it talks to Paid: call it off
 * event loops.
 */
public final class PaidCatalogReconciler {

	private static final Log logger = LogFactory.getLog(PaidCatalogReconciler.class);

	private final BlockingPaidClient client;

	private final List<PaidProductDefinition> products;

	private final Settings settings;

	private final Clock clock;

	private volatile @Nullable CatalogReport lastReport;

	/**
	 * @param client the Paid client
	 * @param products the declared products (external ids unique)
	 * @param settings mode, fail-on-drift and unit conversion
	 */
	public PaidCatalogReconciler(PaidClient client, List<PaidProductDefinition> products, Settings settings) {
		this(client, products, settings, Clock.systemUTC());
	}

	PaidCatalogReconciler(PaidClient client, List<PaidProductDefinition> products, Settings settings, Clock clock) {
		List<String> ids = new ArrayList<>();
		for (PaidProductDefinition product : products) {
			if (ids.contains(product.externalId())) {
				throw new IllegalArgumentException("Product '" + product.externalId() + "' is declared twice");
			}
			ids.add(product.externalId());
		}
		this.client = client.blocking();
		this.products = List.copyOf(products);
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The declared products.
	 * @return the products, in declaration order
	 */
	public List<PaidProductDefinition> products() {
		return this.products;
	}

	/**
	 * The configured mode.
	 * @return the mode
	 */
	public PaidCatalogMode mode() {
		return this.settings.mode();
	}

	/**
	 * The unit conversion of prices.
	 * @return the conversion
	 */
	public UnitPriceConversion conversion() {
		return this.settings.conversion();
	}

	/**
	 * The most recent reconcile.
	 * @return its report, {@code null} before the first
	 */
	public @Nullable CatalogReport lastReport() {
		return this.lastReport;
	}

	/**
	 * The startup reconcile: nothing in {@link PaidCatalogMode#OFF}, else one reconcile in the configured mode with a
	 * log summary.
	 * @throws CatalogDriftException when products drifted and {@code paid.catalog.fail-on-drift=true}
	 */
	public void reconcileOnStartup() {
		if (this.settings.mode() == PaidCatalogMode.OFF || this.products.isEmpty()) {
			return;
		}
		CatalogReport report = reconcile(this.settings.mode());
		if (this.settings.failOnDrift() && report.hasDrift()) {
			throw new CatalogDriftException(report);
		}
	}

	/**
	 * Reconciles in the configured mode ({@link PaidCatalogMode#VERIFY} when it is {@code OFF}).
	 * @return the report
	 */
	public CatalogReport reconcile() {
		return reconcile((this.settings.mode() == PaidCatalogMode.APPLY) ? PaidCatalogMode.APPLY
				: PaidCatalogMode.VERIFY);
	}

	/**
	 * Reconciles in the given mode, and logs a summary.
	 * @param mode {@link PaidCatalogMode#VERIFY}, or {@link PaidCatalogMode#APPLY} when that is the configured mode
	 * @return the report
	 * @throws IllegalArgumentException for {@code OFF}, or {@code APPLY} while the configured mode is not
	 */
	public CatalogReport reconcile(PaidCatalogMode mode) {
		if (mode == PaidCatalogMode.OFF) {
			throw new IllegalArgumentException("A reconcile verifies or applies; OFF does nothing");
		}
		if (mode == PaidCatalogMode.APPLY && this.settings.mode() != PaidCatalogMode.APPLY) {
			throw new IllegalArgumentException("Changing products in Paid needs paid.catalog.mode=apply (it is "
					+ this.settings.mode().name().toLowerCase() + "); verify instead, or opt in");
		}
		List<CatalogProductState> states = new ArrayList<>();
		for (PaidProductDefinition product : this.products) {
			states.add(reconcile(product, mode));
		}
		CatalogReport report = new CatalogReport(mode, this.clock.instant(), states);
		this.lastReport = report;
		log(report);
		return report;
	}

	private CatalogProductState reconcile(PaidProductDefinition declared, PaidCatalogMode mode) {
		String id = declared.externalId();
		try {
			ProductDetail paid = find(id);
			if (paid == null) {
				if (mode == PaidCatalogMode.VERIFY) {
					return new CatalogProductState(id, CatalogProductState.Status.MISSING, null,
							List.of("not in Paid"), null);
				}
				paid = create(declared);
				ProductDiff diff = ProductDiff.between(declared, paid, this.settings.conversion(), this.settings.sendSignalType());
				if (!diff.isEmpty()) {
					paid = this.client.updateProductByExternalId(id, diff.toRequest());
				}
				return new CatalogProductState(id, CatalogProductState.Status.CREATED, paid.id(), diff.differences(),
						null);
			}
			ProductDiff diff = ProductDiff.between(declared, paid, this.settings.conversion(), this.settings.sendSignalType());
			if (diff.isEmpty()) {
				return new CatalogProductState(id, CatalogProductState.Status.IN_SYNC, paid.id(), List.of(), null);
			}
			if (mode == PaidCatalogMode.VERIFY) {
				return new CatalogProductState(id, CatalogProductState.Status.DRIFT, paid.id(), diff.differences(),
						null);
			}
			this.client.updateProductByExternalId(id, diff.toRequest());
			return new CatalogProductState(id, CatalogProductState.Status.UPDATED, paid.id(), diff.differences(),
					null);
		}
		catch (PaidApiException | IllegalStateException ex) {
			return new CatalogProductState(id, CatalogProductState.Status.FAILED, null, List.of(), ex.getMessage());
		}
	}

	private @Nullable ProductDetail find(String externalId) {
		try {
			return this.client.getProductDetailByExternalId(externalId);
		}
		catch (PaidApiException ex) {
			if (ex.isNotFound()) {
				return null;
			}
			throw ex;
		}
	}

	/**
	 * Creates the product without prices. When the create is refused because another instance created it
	 * meanwhile, that product is used.
	 */
	private ProductDetail create(PaidProductDefinition declared) {
		Product created;
		try {
			created = this.client.createProduct(new CreateProductRequest(declared.name(), declared.description(),
					declared.active(), declared.productCode(), declared.externalId(), null));
		}
		catch (PaidApiException ex) {
			ProductDetail existing = (ex.getStatus() >= 400 && ex.getStatus() < 500) ? find(declared.externalId()) : null;
			if (existing == null) {
				throw ex;
			}
			return existing;
		}
		return new ProductDetail(created.id(), created.name(), created.description(), created.active(),
				created.productCode(), created.externalId(), created.archivedAt(), created.metadata(), List.of(),
				created.createdAt(), created.updatedAt());
	}

	private void log(CatalogReport report) {
		String mode = report.mode().name().toLowerCase();
		logger.info("Paid catalog (" + mode + ", " + this.products.size() + " declared products): "
				+ report.count(CatalogProductState.Status.IN_SYNC) + " in sync, "
				+ report.count(CatalogProductState.Status.CREATED) + " created, "
				+ report.count(CatalogProductState.Status.UPDATED) + " updated, " + report.drifted().size()
				+ " drifted, " + report.count(CatalogProductState.Status.FAILED) + " failed");
		for (CatalogProductState product : report.products()) {
			switch (product.status()) {
				case CREATED, UPDATED -> logger.info("Paid product '" + product.externalId() + "' "
						+ product.status().name().toLowerCase() + ": " + String.join("; ", product.differences()));
				case DRIFT, MISSING -> logger.warn("Paid product '" + product.externalId() + "' differs from its "
						+ "declaration: " + String.join("; ", product.differences())
						+ ". Set paid.catalog.mode=apply to make Paid match, or change the declaration");
				case FAILED -> logger.warn("Paid product '" + product.externalId() + "' could not be reconciled: "
						+ product.error());
				default -> {
				}
			}
		}
	}

	/**
	 * How the reconciler works.
	 *
	 * @param mode off, verify or apply
	 * @param failOnDrift whether the startup reconcile fails the start when products drifted
	 * @param conversion how declared prices become Paid's {@code unitPrice}
	 * @param sendSignalType whether usage prices carry {@code signalType} (new in paid-java 1.1; a server on the 1.0
	 * schema may reject it)
	 */
	public record Settings(PaidCatalogMode mode, boolean failOnDrift, UnitPriceConversion conversion,
			boolean sendSignalType) {

		/**
		 * Settings that send {@code signalType}.
		 * @param mode off, verify or apply
		 * @param failOnDrift whether the startup reconcile fails the start when products drifted
		 * @param conversion how declared prices become Paid's {@code unitPrice}
		 */
		public Settings(PaidCatalogMode mode, boolean failOnDrift, UnitPriceConversion conversion) {
			this(mode, failOnDrift, conversion, true);
		}

	}

}
