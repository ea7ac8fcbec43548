// Text safe to print: control bytes and invalid UTF-8 made visible, spreadsheet formulas defused,
// LaTeX's special characters escaped.
#pragma once

#include <string>

namespace deltacheck {

/// `text` with every byte a terminal would act on made visible: C0 controls and DEL as
/// \n, \r, \t or \xNN (ESC is \x1b), C1 controls (U+0080 to U+009F) as \u0080 ... \u009f,
/// and bytes that are not valid UTF-8 as \xNN. Printable characters, other letters
/// (σ, δ) and backslashes are kept as they are.
std::string printable(const std::string& text);

/// As printable, but line breaks ('\n') are kept: for text that is several lines by design
/// (feedback, a message with the quoted line under it), each line escaped.
std::string printable_lines(const std::string& text);

/// A CSV cell that a spreadsheet will show as text: a cell starting with =, +, -, @, a tab
/// or a carriage return (read as a formula by Excel, LibreOffice and Google Sheets) gets a
/// leading apostrophe and is quoted, as is a cell holding ',', '"' or a line break ('"'
/// doubled inside). Numbers written by the program itself are not passed through it.
std::string csv_cell(const std::string& text);

/// `s` escaped for LaTeX text mode (\ & % $ # _ { } ~ ^).
std::string latex_escape(const std::string& s);

}  // namespace deltacheck
