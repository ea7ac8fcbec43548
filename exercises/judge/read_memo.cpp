// The steps of answer files already read, kept across files.
#include "exercises/judge/read_memo.h"

namespace deltacheck {

const StepReading* ReadMemo::find(const std::string& resolver, const std::string& text) const {
  const auto it = readings_.find(Key(resolver, text));
  return it == readings_.end() ? nullptr : &it->second;
}

void ReadMemo::remember(const std::string& resolver, const std::string& text, StepReading reading) {
  if (text.size() > kMaxTextBytes) return;
  const std::size_t bytes = resolver.size() + 2 * text.size() + reading.echo.size();
  if (readings_.size() >= kMaxEntries || bytes_ + bytes > kMaxBytes) {
    readings_.clear();
    bytes_ = 0;
  }
  if (readings_.emplace(Key(resolver, text), std::move(reading)).second) bytes_ += bytes;
}

GiNaC::ex ReadMemo::own_symbol(const std::string& name) {
  // A new symbol when the table is full: readings made with the old one no longer match (their
  // lookups compare symbols), so they are read again.
  if (symbols_.size() >= kMaxEntries && !symbols_.count(name)) symbols_.clear();
  const auto it = symbols_.find(name);
  if (it != symbols_.end()) return it->second;
  return symbols_.emplace(name, GiNaC::symbol(name)).first->second;
}

}  // namespace deltacheck
