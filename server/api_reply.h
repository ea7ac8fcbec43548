// What an API route answers: an HTTP status and a JSON body, errors in one shape.
#pragma once

#include <string>

namespace deltacheck::server {

/// An HTTP status and its body (JSON unless `content_type` says otherwise).
struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
};

/// {"error": {"status": S, "message": M}} with status S. `message` may quote anything (it is
/// JSON-escaped; invalid UTF-8 is replaced).
Reply error_reply(int status, const std::string& message);

/// A located error of the answer file: {"error": {"status", "message", "line", "column"}}.
Reply located_error_reply(int status, const std::string& message, int line, int column);

}  // namespace deltacheck::server
