// Serving the page: embedded files by exact name, KaTeX by mount, headers and error bodies.
#include "server/web_routes.h"

#include <filesystem>

#include "server/api_reply.h"
#include "server/web_files.h"

namespace deltacheck::server {

namespace {

// The Content-Type of a file of web/ by its extension.
const char* content_type(const std::string& name) {
  if (name.size() > 3 && name.compare(name.size() - 3, 3, ".js") == 0)
    return "text/javascript; charset=utf-8";
  if (name.size() > 4 && name.compare(name.size() - 4, 4, ".css") == 0)
    return "text/css; charset=utf-8";
  return "text/html; charset=utf-8";
}

// The message of an error status that came without a body.
std::string status_message(int status) {
  switch (status) {
    case 400: return "the request cannot be read";
    case 404: return "nothing here (the page is at /, the API under /api/)";
    case 405: return "this method is not allowed here";
    case 413: return "the request is too large (an answer file may be at most the server's limit)";
    default: return "the request failed";
  }
}

}  // namespace

void add_web_routes(httplib::Server& server, const std::string& katex_folder) {
  server.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"X-Frame-Options", "DENY"},
                              {"Cache-Control", "no-store"}});
  for (const WebFile& f : web_files()) {
    const std::string path = f.name == "index.html" ? "/" : "/" + f.name;
    server.Get(path, [&f](const httplib::Request&, httplib::Response& res) {
      res.set_content(f.bytes, content_type(f.name));
    });
  }
  if (std::filesystem::is_directory(katex_folder)) server.set_mount_point("/katex", katex_folder);
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const Reply r = error_reply(res.status, status_message(res.status));
    res.set_content(r.body, r.content_type.c_str());
  });
}

}  // namespace deltacheck::server
