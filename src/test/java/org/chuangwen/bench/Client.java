package org.chuangwen.bench;

import java.net.http.HttpResponse;

/** Whoever files materials while seeding: the API with HTTP Basic, or a page session with its CSRF token. */
interface Client {

	HttpResponse<String> post(String path, Multipart body, String csrf) throws Exception;
}
