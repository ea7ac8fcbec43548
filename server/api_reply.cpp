// The JSON of an API error: one shape for every status.
#include "server/api_reply.h"

#include <nlohmann/json.hpp>

namespace deltacheck::server {

namespace {

Reply reply_of(int status, const nlohmann::ordered_json& error) {
  const nlohmann::ordered_json doc = {{"error", error}};
  return {status, doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n"};
}

}  // namespace

Reply error_reply(int status, const std::string& message) {
  return reply_of(status, {{"status", status}, {"message", message}});
}

Reply located_error_reply(int status, const std::string& message, int line, int column) {
  return reply_of(status,
                  {{"status", status}, {"message", message}, {"line", line}, {"column", column}});
}

}  // namespace deltacheck::server
