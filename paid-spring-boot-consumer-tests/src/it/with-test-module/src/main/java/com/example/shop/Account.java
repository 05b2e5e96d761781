package com.example.shop;

import ai.paid.spring.sync.annotation.PaidField;
import ai.paid.spring.sync.annotation.PaidSync;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
@PaidSync(type = PaidSync.Type.CUSTOMER)
public class Account {

	@Id
	private String id;

	@PaidField("name")
	private String companyName;

	protected Account() {
	}

	public Account(String id, String companyName) {
		this.id = id;
		this.companyName = companyName;
	}

	public String getId() {
		return this.id;
	}

	public String getCompanyName() {
		return this.companyName;
	}

}
