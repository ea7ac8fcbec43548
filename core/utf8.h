// UTF-8 as answer files and messages need it: validating sequences and counting characters for
// columns.
#pragma once

#include <cstddef>
#include <string>

namespace deltacheck {

/// Length of the valid UTF-8 sequence starting at text[i] (1 for ASCII), or 0 when the bytes
/// there are not valid UTF-8 (overlong forms and UTF-16 surrogates included).
std::size_t utf8_sequence_length(const std::string& text, std::size_t i);

/// The code point of the valid sequence of length n at text[i].
unsigned utf8_decode(const std::string& text, std::size_t i, std::size_t n);

/// Number of characters (code points; an invalid byte counts as one) in text[0, offset):
/// the 1-based column of `offset`, minus 1.
std::size_t code_points_before(const std::string& text, std::size_t offset);

}  // namespace deltacheck
