package ai.paid.demo.billing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Paid invoices.
 */
public interface PaidInvoiceRepository extends JpaRepository<PaidInvoice, String> {

	List<PaidInvoice> findTop20ByOrderByPaidAtDesc();

}
