// The names of verdicts, and when a whole file is correct.
#include "exercises/judge/verdict.h"

namespace deltacheck {

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::correct:
      return "correct";
    case Verdict::incorrect:
      return "incorrect";
    case Verdict::invalid:
      return "invalid";
    case Verdict::missing:
      return "missing";
    case Verdict::carried:
      return "carried";
    case Verdict::incomplete:
      return "incomplete";
  }
  return "?";
}

bool CheckResult::all_correct() const {
  if (!problems.empty()) return false;
  for (const PartResult& p : parts)
    if (p.verdict != Verdict::correct) return false;
  return true;
}

}  // namespace deltacheck
