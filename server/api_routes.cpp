// The API's routes: each looks the exercise up by id, admits the request to the bounded queue and
// runs the GiNaC work in a child.
#include "server/api_routes.h"

#include <functional>
#include <optional>
#include <sstream>
#include <string>

#include "core/error.h"
#include "core/utf8.h"
#include "exercises/grade/check_result_json.h"
#include "reports/check_writer.h"
#include "server/api_reply.h"
#include "server/child_json.h"
#include "server/exercise_json.h"
#include "server/read_lines.h"

namespace deltacheck::server {

namespace {

void send(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  res.set_content(reply.body, reply.content_type.c_str());
  if (reply.status == 503) res.set_header("Retry-After", "1");
}

// The student of `?student=`, or nothing (after a 400 in `res`) for an id that is too long or
// not printable ASCII. Only numeric exercises use it.
std::optional<std::string> student_of(const httplib::Request& req, httplib::Response& res) {
  const std::string s = req.get_param_value("student");
  bool printable = s.size() <= kMaxStudentBytes;
  for (const char c : s) printable = printable && c > ' ' && c < 127;
  if (printable) return s;
  send(res, error_reply(400, "the student id must be 1 to " + std::to_string(kMaxStudentBytes) +
                                 " printable characters without spaces"));
  return std::nullopt;
}

// The reason the body cannot be an answer file ("" when it can): a NUL byte or invalid UTF-8.
std::string unreadable(const std::string& body) {
  for (std::size_t i = 0; i < body.size();) {
    const std::size_t n = utf8_sequence_length(body, i);
    if (n == 0 || body[i] == '\0')
      return "the answer file must be UTF-8 text: byte " + std::to_string(i + 1) + " is not";
    i += n;
  }
  return "";
}

// The work of one request on an exercise, given its checker (already for the student).
using Work = std::function<Reply(Checker& checker)>;

// Runs `work` for the exercise of the path in a child, through the queue.
void run_admitted(const ExerciseCatalog& catalog, RequestSlots& slots,
                  const ServeSettings& settings, const httplib::Request& req,
                  httplib::Response& res, const Work& work) {
  const CatalogEntry* entry = catalog.find(req.matches[1]);
  if (!entry) return send(res, error_reply(404, "no exercise with this id (GET /api/exercises lists them)"));
  const std::optional<std::string> student = student_of(req, res);
  if (!student) return;
  const auto slot = slots.acquire();
  if (!slot) return send(res, error_reply(503, "busy: too many checks waiting; try again in a second"));
  const bool own_numbers = !student->empty() && entry->exercise().kind() == ExerciseKind::numeric;
  send(res, run_in_child(
                [&] {
                  if (!own_numbers) return work(*entry->checker);
                  Checker checker(entry->exercise(), *student);
                  return work(checker);
                },
                settings.limits));
}

// The body as an answer file, or nothing (after a 400 in `res`).
std::optional<AnswerFile> answers_of(const httplib::Request& req, httplib::Response& res) {
  const std::string why = unreadable(req.body);
  if (!why.empty()) {
    send(res, error_reply(400, why));
    return std::nullopt;
  }
  return parse_answer_file(req.body, kAnswerFileName);
}

Reply json_reply(const nlohmann::ordered_json& doc) {
  return {200, doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n"};
}

// check --json's document for `file`, or its user error as a located 422.
Reply check_reply(Checker& checker, const AnswerFile& file) {
  try {
    std::ostringstream out;
    write_check_json(out, checker.check(file));
    return {200, out.str()};
  } catch (const UserError& e) {
    return located_error_reply(422, e.message(), e.where().line, e.where().column);
  }
}

}  // namespace

void add_api_routes(httplib::Server& server, const ExerciseCatalog& catalog, RequestSlots& slots,
                    const ServeSettings& settings) {
  server.Get("/api/exercises", [&](const httplib::Request&, httplib::Response& res) {
    send(res, {200, catalog.list_json()});
  });
  server.Get(R"(/api/exercises/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
    const CatalogEntry* entry = catalog.find(req.matches[1]);
    if (!entry) return send(res, error_reply(404, "no exercise with this id (GET /api/exercises lists them)"));
    if (req.get_param_value("student").empty() || entry->exercise().kind() != ExerciseKind::numeric)
      return send(res, {200, entry->json});
    run_admitted(catalog, slots, settings, req, res, [&](Checker& checker) {
      return Reply{200, exercise_json_text(checker.exercise(), req.get_param_value("student"))};
    });
  });
  server.Get(R"(/api/exercises/([^/]+)/network\.svg)", [&](const httplib::Request& req, httplib::Response& res) {
    const CatalogEntry* entry = catalog.find(req.matches[1]);
    if (!entry || entry->svg.empty()) return send(res, error_reply(404, "no network drawn for this id"));
    send(res, {200, entry->svg, "image/svg+xml"});
  });
  server.Post(R"(/api/read/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
    const auto file = answers_of(req, res);
    if (file) run_admitted(catalog, slots, settings, req, res, [&](Checker& checker) {
      return json_reply(read_lines_json(checker, *file));
    });
  });
  server.Post(R"(/api/check/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
    const auto file = answers_of(req, res);
    if (file) run_admitted(catalog, slots, settings, req, res, [&](Checker& checker) {
      return check_reply(checker, *file);
    });
  });
}

}  // namespace deltacheck::server
