package ai.paid.spring.sync.invalid.unsynced;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Region {

	@Id
	private String id;

}
