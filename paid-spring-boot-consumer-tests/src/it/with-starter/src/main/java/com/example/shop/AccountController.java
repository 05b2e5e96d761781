package com.example.shop;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

	private final AccountRepository accounts;

	AccountController(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/accounts")
	String create(@RequestParam String id, @RequestBody String companyName) {
		return this.accounts.save(new Account(id, companyName)).getId();
	}

}
