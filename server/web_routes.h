// The page's routes: its own files (embedded), KaTeX from the system, and the security headers of
// every response.
#pragma once

#include <string>

#include <httplib.h>

namespace deltacheck::server {

/// Where Debian's libjs-katex installs KaTeX (katex.min.js, katex.min.css, fonts/).
constexpr const char* kKatexFolder = "/usr/share/javascript/katex";

/// The Content-Security-Policy of every response: scripts, styles, fonts and images from the
/// server itself only, no inline script, no plugins, no framing. Inline styles stay allowed
/// for KaTeX's layout (style attributes), which cannot run code.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "font-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

/// Adds GET / (index.html), /app.js, /style.css and /katex/... (from `katex_folder`, when it
/// exists), the security headers on every response (CSP, nosniff, no referrer, no framing),
/// and JSON bodies for errors that have none (413 from the body cap, 404 of unknown paths).
void add_web_routes(httplib::Server& server, const std::string& katex_folder = kKatexFolder);

}  // namespace deltacheck::server
