// A student's grade as bytes, from a grading worker to the grader.
#include "exercises/grade/grade_wire.h"

#include <cstdint>
#include <cstring>
#include <vector>

namespace deltacheck {

namespace detail {

// Appends fields to a frame.
class FrameWriter {
 public:
  template <class T>
  void raw(T v) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    out_.append(bytes, sizeof v);
  }
  void count(std::size_t n) { raw(static_cast<std::uint32_t>(n)); }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Reads the fields of one frame in order, never past its end.
class FrameReader {
 public:
  FrameReader(const char* at, std::size_t size) : at_(at), left_(size) {}
  template <class T>
  T raw() {
    T v;
    std::memcpy(&v, take(sizeof v), sizeof v);
    return v;
  }
  std::size_t count() { return raw<std::uint32_t>(); }
  const char* take(std::size_t n) {
    if (n > left_) throw BadGradeFrame("a grade frame cut short");
    const char* p = at_;
    at_ += n;
    left_ -= n;
    return p;
  }
  std::size_t left() const { return left_; }

 private:
  const char* at_;
  std::size_t left_;
};

void put(FrameWriter& w, const std::string& s) {
  w.count(s.size());
  w.bytes() += s;
}
void get(FrameReader& r, std::string& s) {
  const std::size_t n = r.count();
  s.assign(r.take(n), n);
}

void put(FrameWriter& w, Verdict v) { w.raw(static_cast<std::uint8_t>(v)); }
void get(FrameReader& r, Verdict& v) {
  const auto n = r.raw<std::uint8_t>();
  if (n > static_cast<std::uint8_t>(Verdict::incomplete)) throw BadGradeFrame("unknown verdict");
  v = static_cast<Verdict>(n);
}

template <class T>
void put(FrameWriter& w, const std::vector<T>& items) {
  w.count(items.size());
  for (const T& item : items) put(w, item);
}
template <class T>
void get(FrameReader& r, std::vector<T>& items) {
  const std::size_t n = r.count();
  if (n > r.left()) throw BadGradeFrame("a grade frame cut short");  // every item takes a byte
  items.resize(n);
  for (T& item : items) get(r, item);
}

// The fields of a step row and of a part, in their order of declaration (verdict.h).
void put(FrameWriter& w, const StepResult& s) {
  put(w, s.key), put(w, s.verdict), put(w, s.feedback), put(w, s.mistake), put(w, s.read_as);
  w.raw(s.line), w.raw(s.used_by);
}
void get(FrameReader& r, StepResult& s) {
  get(r, s.key), get(r, s.verdict), get(r, s.feedback), get(r, s.mistake), get(r, s.read_as);
  s.line = r.raw<int>(), s.used_by = r.raw<int>();
}

void put(FrameWriter& w, const PartResult& p) {
  put(w, p.key), put(w, p.verdict), put(w, p.feedback), put(w, p.mistake), put(w, p.read_as);
  w.raw(p.proved), w.raw(p.line), w.raw(p.score), w.raw(p.max_score);
  put(w, p.steps), put(w, p.carried_from);
}
void get(FrameReader& r, PartResult& p) {
  get(r, p.key), get(r, p.verdict), get(r, p.feedback), get(r, p.mistake), get(r, p.read_as);
  p.proved = r.raw<bool>(), p.line = r.raw<int>();
  p.score = r.raw<double>(), p.max_score = r.raw<double>();
  get(r, p.steps), get(r, p.carried_from);
}

}  // namespace detail

std::string grade_frame(const StudentGrade& g) {
  detail::FrameWriter w;
  w.count(0);  // the length, once known
  const CheckResult& r = g.result;
  put(w, r.exercise), put(w, r.parts), put(w, r.problems), put(w, r.notes);
  put(w, r.steps);
  w.raw(r.score), w.raw(r.max_score);
  put(w, g.fault);
  const auto length = static_cast<std::uint32_t>(w.bytes().size() - 4);
  std::memcpy(&w.bytes()[0], &length, sizeof length);
  return std::move(w.bytes());
}

std::optional<StudentGrade> take_grade_frame(std::string& buffer) {
  std::uint32_t length;
  if (buffer.size() < sizeof length) return std::nullopt;
  std::memcpy(&length, buffer.data(), sizeof length);
  if (length > kMaxGradeFrame)
    throw BadGradeFrame("a grade frame of " + std::to_string(length) + " bytes");
  if (buffer.size() < sizeof length + length) return std::nullopt;
  detail::FrameReader r(buffer.data() + sizeof length, length);
  StudentGrade g;
  CheckResult& c = g.result;
  get(r, c.exercise), get(r, c.parts), get(r, c.problems), get(r, c.notes);
  get(r, c.steps);
  c.score = r.raw<double>(), c.max_score = r.raw<double>();
  get(r, g.fault);
  if (r.left() != 0) throw BadGradeFrame("a grade frame longer than its fields");
  buffer.erase(0, sizeof length + length);
  return g;
}

}  // namespace deltacheck
