package org.chuangwen.orgs;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** What Spring Security keeps for an authenticated account. */
final class AccountPrincipal implements UserDetails, CredentialsContainer {

	private final CurrentUser user;
	private String passwordHash;
	private final Instant lockedUntil;
	private final boolean enabled;
	private final Instant now;
	private final PasswordState password;

	AccountPrincipal(CurrentUser user, String passwordHash, Instant lockedUntil, boolean enabled, Instant now, PasswordState password) {
		this.user = user;
		this.passwordHash = passwordHash;
		this.lockedUntil = lockedUntil;
		this.enabled = enabled;
		this.now = now;
		this.password = password;
	}

	/** Whether the account must change its password before it may do anything else. */
	PasswordState password() {
		return password;
	}

	CurrentUser user() {
		return user;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return user.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return lockedUntil == null || !lockedUntil.isAfter(now);
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	List<Role> roles() {
		return List.copyOf(user.roles());
	}
}
