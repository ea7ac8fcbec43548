// The steps of answer files already read, kept across files: a line many students write alike is
// read once per checker.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <ginac/ginac.h>
#include <boost/container_hash/hash.hpp>

#include "symbolic/reader.h"

namespace deltacheck {

/// What reading one step's text with one set of allowed names gave, and every name the reader
/// asked about on the way. The reading depends on nothing else: the same names meaning the
/// same things give the same value, echo or error (read_expression is a pure function of its
/// text, its options and its resolver's answers).
struct StepReading {
  /// One question the reader asked: `name` at `offset`, answered by a definition of the file
  /// (`defined`, then `meaning` is that definition's symbol and key) or by the allowed names.
  struct Lookup {
    std::string name;
    std::size_t offset = 0;
    bool defined = false;
    NameMeaning meaning;  // when defined
    bool factor = false;  // answered by the allowed names as a chain-rule factor (`meaning`)
  };
  bool readable = false;
  GiNaC::ex value;
  std::string echo;
  std::size_t error_offset = 0;  // when not readable
  std::string error;             // the reader's message, not yet located
  std::vector<Lookup> lookups;   // in the order asked
};

/// Step readings keyed by (the allowed names, the text), and one symbol per name of one's own
/// shared by every file (so a reading that uses it can serve the next file). Bounded: texts
/// longer than kMaxTextBytes are not kept (a line that long is hardly written twice), and at
/// kMaxEntries readings or kMaxBytes of text the memo empties and starts again. A reading's
/// expression takes at most some tens of bytes per character of its text, so the memo holds
/// some tens of MiB at most whatever a class sends (the readings of some 400 honest Q1 files).
class ReadMemo {
 public:
  static constexpr std::size_t kMaxEntries = 1 << 14;
  static constexpr std::size_t kMaxBytes = std::size_t{1} << 20;
  static constexpr std::size_t kMaxTextBytes = 4096;

  /// The reading of `text` with the names `resolver` stands for, or nullptr.
  const StepReading* find(const std::string& resolver, const std::string& text) const;
  /// Remembers `reading`, unless `text` is longer than kMaxTextBytes.
  void remember(const std::string& resolver, const std::string& text, StepReading reading);
  /// The symbol that stands for the name of one's own `name` in every file.
  GiNaC::ex own_symbol(const std::string& name);

 private:
  using Key = std::pair<std::string, std::string>;
  std::unordered_map<Key, StepReading, boost::hash<Key>> readings_;
  std::size_t bytes_ = 0;
  std::unordered_map<std::string, GiNaC::ex> symbols_;
};

}  // namespace deltacheck
