// Tests of symbolic/tokenizer: tokens, offsets and the message for every byte that starts no token.
#include <catch2/catch.hpp>

#include "symbolic/tokenizer.h"

using namespace deltacheck;

namespace {

std::string error_of(const std::string& text, std::size_t& offset) {
  try {
    tokenize(text);
  } catch (const ExpressionError& e) {
    offset = e.offset();
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("tokens carry their kind, text and offset; ** is a power", "[tokenizer]") {
  const auto t = tokenize("2.5e-3*x_1 ** 2 - (a1_1)");
  REQUIRE(t.size() == 10);
  CHECK(t[0].kind == TokenKind::number);
  CHECK(t[0].text == "2.5e-3");
  CHECK(t[2].text == "x_1");
  CHECK(t[2].offset == 7);
  CHECK(t[3].kind == TokenKind::power);
  CHECK(t[3].text == "**");
  CHECK(t[9].kind == TokenKind::end);
}

TEST_CASE("a number followed by a letter stops before it, so the reader can ask for '*'",
          "[tokenizer]") {
  const auto t = tokenize("2a1_1 3e");
  CHECK(t[0].text == "2");
  CHECK(t[1].text == "a1_1");
  CHECK(t[2].text == "3");
  CHECK(t[3].text == "e");
}

TEST_CASE("bytes that start no token are refused with their offset and a hint", "[tokenizer]") {
  std::size_t offset = 99;
  CHECK(error_of(std::string("a + \0b", 6), offset).find("control character (byte 0x00)") !=
        std::string::npos);
  CHECK(offset == 4);
  CHECK(error_of("a + \xff", offset).find("invalid UTF-8 (byte 0xff)") != std::string::npos);
  CHECK(offset == 4);
  CHECK(error_of("\xcf\x83(z1_1)", offset).find("write sigmoid") != std::string::npos);
  CHECK(offset == 0);
  CHECK(error_of("a1_1 \xe2\x88\x92 y", offset).find("write the minus sign as -") !=
        std::string::npos);
  CHECK(error_of("a{1}", offset).find("use parentheses") != std::string::npos);
  CHECK(offset == 1);
  CHECK(error_of("x1 = 2", offset).find("only one '='") != std::string::npos);
  CHECK(error_of("1e99999", offset).find("out of range") != std::string::npos);
}

TEST_CASE(
    "a number of more than kMaxNumberDigits digits is refused, its fraction counted, its exponent not",
    "[tokenizer]") {
  std::size_t offset = 99;
  const std::string hundred(kMaxNumberDigits, '3');
  CHECK(tokenize(hundred + "e-900")[0].text == hundred + "e-900");
  CHECK(tokenize("0." + hundred.substr(1))[0].kind == TokenKind::number);
  CHECK(error_of("x + 0." + hundred, offset).find("has 101 digits; at most 100 are read") !=
        std::string::npos);
  CHECK(offset == 4);
  CHECK(error_of(hundred + "3.5", offset).find("has 102 digits") != std::string::npos);
  CHECK(offset == 0);
}

TEST_CASE("brackets, bars and comparisons are tokens: [z > 0], |w|", "[tokenizer]") {
  const auto t = tokenize("[z > 0] |w| (a < b)");
  REQUIRE(t.size() == 14);
  CHECK(t[0].kind == TokenKind::open);
  CHECK(t[0].text == "[");
  CHECK(t[2].kind == TokenKind::greater);
  CHECK(t[4].kind == TokenKind::close);
  CHECK(t[4].text == "]");
  CHECK(t[5].kind == TokenKind::bar);
  CHECK(t[7].kind == TokenKind::bar);
  CHECK(t[10].kind == TokenKind::less);
  std::size_t offset = 99;
  CHECK(error_of("\xe2\x80\xb2", offset) ==
        "unexpected character '\xe2\x80\xb2': write the prime as ', e.g. sigmoid'(z)");
}
