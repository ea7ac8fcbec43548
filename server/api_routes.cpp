// The API's routes: each looks the exercise up by id, admits the request to the bounded queue and
// runs the GiNaC work in a child.
#include "server/api_routes.h"

#include <functional>
#include <memory>
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

// What a child is asked to do: one of these, on an exercise, for a student, with a body.
const char* const kExerciseWork = "exercise";
const char* const kReadWork = "read";
const char* const kCheckWork = "check";

// The request a child reads: "WORK\nID\nSTUDENT\n" then the body (the id and student hold no
// newline: the id is the catalog's, the student id printable).
std::string child_request(const char* work, const std::string& id, const std::string& student,
                          const std::string& body) {
  return std::string(work) + "\n" + id + "\n" + student + "\n" + body;
}

// Runs `work` for the exercise of the path in a child, through the queue.
void run_admitted(const ExerciseCatalog& catalog, RequestSlots& slots, const ChildRunner& children,
                  const httplib::Request& req, httplib::Response& res, const char* work) {
  const CatalogEntry* entry = catalog.find(req.matches[1]);
  if (!entry) return send(res, error_reply(404, "no exercise with this id (GET /api/exercises lists them)"));
  const std::optional<std::string> student = student_of(req, res);
  if (!student) return;
  const auto slot = slots.acquire();
  if (!slot) return send(res, error_reply(503, "busy: too many checks waiting; try again in a second"));
  send(res, children.run(child_request(work, req.matches[1], *student, req.body)));
}

// True when the body can be an answer file; else false after a 400 in `res`.
bool readable_body(const httplib::Request& req, httplib::Response& res) {
  const std::string why = unreadable(req.body);
  if (why.empty()) return true;
  send(res, error_reply(400, why));
  return false;
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

// The reply to one child request (child_request), run in the child from the checker prepared
// at startup (or, for a numeric exercise and a student, one made for that student).
Reply answer_child_request(const ExerciseCatalog& catalog, const std::string& request) {
  const auto first = request.find('\n');
  const auto second = first == std::string::npos ? first : request.find('\n', first + 1);
  const auto third = second == std::string::npos ? second : request.find('\n', second + 1);
  if (third == std::string::npos) return error_reply(500, "a malformed request reached the child");
  const std::string work = request.substr(0, first);
  const std::string id = request.substr(first + 1, second - first - 1);
  const std::string student = request.substr(second + 1, third - second - 1);
  const std::string body = request.substr(third + 1);
  const CatalogEntry* entry = catalog.find(id);
  if (!entry) return error_reply(404, "no exercise with this id (GET /api/exercises lists them)");
  std::unique_ptr<Checker> own;
  if (!student.empty() && entry->exercise().kind() == ExerciseKind::numeric)
    own = std::make_unique<Checker>(entry->exercise(), student);
  Checker& checker = own ? *own : *entry->checker;
  if (work == kExerciseWork) return Reply{200, exercise_json_text(checker.exercise(), student)};
  const AnswerFile file = parse_answer_file(body, kAnswerFileName);
  if (work == kReadWork) return json_reply(read_lines_json(checker, file));
  return check_reply(checker, file);
}

}  // namespace

ChildRunner::Work child_work(const ExerciseCatalog& catalog) {
  return [&catalog](const std::string& request) { return answer_child_request(catalog, request); };
}

void add_api_routes(httplib::Server& server, const ExerciseCatalog& catalog, RequestSlots& slots,
                    const ChildRunner& children) {
  server.Get("/api/exercises", [&](const httplib::Request&, httplib::Response& res) {
    send(res, {200, catalog.list_json()});
  });
  server.Get(R"(/api/exercises/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
    const CatalogEntry* entry = catalog.find(req.matches[1]);
    if (!entry) return send(res, error_reply(404, "no exercise with this id (GET /api/exercises lists them)"));
    if (req.get_param_value("student").empty() || entry->exercise().kind() != ExerciseKind::numeric)
      return send(res, {200, entry->json});
    run_admitted(catalog, slots, children, req, res, kExerciseWork);
  });
  server.Get(R"(/api/exercises/([^/]+)/network\.svg)", [&](const httplib::Request& req, httplib::Response& res) {
    const CatalogEntry* entry = catalog.find(req.matches[1]);
    if (!entry || entry->svg.empty()) return send(res, error_reply(404, "no network drawn for this id"));
    send(res, {200, entry->svg, "image/svg+xml"});
  });
  server.Post(R"(/api/read/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
    if (readable_body(req, res)) run_admitted(catalog, slots, children, req, res, kReadWork);
  });
  server.Post(R"(/api/check/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
    if (readable_body(req, res)) run_admitted(catalog, slots, children, req, res, kCheckWork);
  });
}

}  // namespace deltacheck::server
