package org.chuangwen.catalog;

import org.chuangwen.platform.UserFacingException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * An edition file that cannot be used. The message names the entry and the field; the edition in force stays.
 */
class EditionRejected extends UserFacingException {

	EditionRejected(DefaultMessageSourceResolvable entry, String field, String reasonKey, Object... reasonArgs) {
		super(HttpStatus.BAD_REQUEST, "invalid_edition", "error.edition.rejected", entry, field,
				new DefaultMessageSourceResolvable(new String[] {reasonKey}, reasonArgs));
	}

	static DefaultMessageSourceResolvable file() {
		return new DefaultMessageSourceResolvable(new String[] {"catalog.entry.file"}, new Object[0]);
	}

	static DefaultMessageSourceResolvable edition() {
		return new DefaultMessageSourceResolvable(new String[] {"catalog.entry.edition"}, new Object[0]);
	}

	static DefaultMessageSourceResolvable kind(int position, Object name) {
		return new DefaultMessageSourceResolvable(new String[] {"catalog.entry.kind"}, new Object[] {position, name});
	}

	static DefaultMessageSourceResolvable indicator(int position, Object code) {
		return new DefaultMessageSourceResolvable(new String[] {"catalog.entry.indicator"}, new Object[] {position, code});
	}
}
