// The man pages agree with the command table: every option the parser
// accepts is documented in its page's OPTIONS, every option documented there
// is accepted, relscan(1) lists every command, and each page's NAME line is
// the command's summary. The pages are read as committed, in roff; options
// are written `\-\-name` (and `\-x`) there, as man-pages(7) asks.
#include <doctest/doctest.h>

#include <boost/program_options.hpp>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "command.h"

namespace relscan::cli {
namespace {

namespace po = boost::program_options;

std::string ManPath(const std::string& page) {
  return std::string(RELSCAN_SOURCE_DIR) + "/man/" + page + ".1";
}

// Returns the page's lines; none when the file cannot be read.
std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Returns the name of a `.SH` line ("EXIT STATUS"), or "" for other lines.
std::string SectionName(std::string_view line) {
  if (!line.starts_with(".SH")) return "";
  line.remove_prefix(3);
  while (!line.empty() && (line.front() == ' ' || line.front() == '"')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '"')) line.remove_suffix(1);
  return std::string(line.empty() ? "?" : line);
}

// Returns the lines of one section, from its `.SH` to the next; comments
// (`.\"`) left out.
std::vector<std::string> Section(const std::vector<std::string>& page, std::string_view name) {
  std::vector<std::string> out;
  bool inside = false;
  for (const std::string& line : page) {
    std::string section = SectionName(line);
    if (!section.empty()) {
      inside = section == name;
      continue;
    }
    if (inside && !line.starts_with(".\\\"")) out.push_back(line);
  }
  return out;
}

// Returns the tag lines of a section's `.TP` entries: the line after each `.TP`.
std::vector<std::string> EntryTags(const std::vector<std::string>& section) {
  std::vector<std::string> tags;
  for (size_t i = 0; i + 1 < section.size(); ++i) {
    if (section[i] == ".TP" || section[i].starts_with(".TP ")) tags.push_back(section[i + 1]);
  }
  return tags;
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Returns the long options written in roff text, without their dashes:
// `\fB\-\-files\-from\fR` gives "files-from".
std::vector<std::string> LongOptionsIn(std::string_view text) {
  std::vector<std::string> names;
  for (size_t at = text.find("\\-\\-"); at != std::string_view::npos;
       at = text.find("\\-\\-", at + 1)) {
    size_t i = at + 4;
    std::string name;
    while (i < text.size()) {
      if (IsNameChar(text[i])) {
        name.push_back(text[i]);
        ++i;
      } else if (!name.empty() && text.substr(i, 2) == "\\-" && i + 2 < text.size() &&
                 IsNameChar(text[i + 2])) {
        name.push_back('-');
        i += 2;
      } else if (!name.empty() && text[i] == '-' && i + 1 < text.size() &&
                 IsNameChar(text[i + 1])) {
        name.push_back('-');
        ++i;
      } else {
        break;
      }
    }
    if (!name.empty()) names.push_back(name);
  }
  return names;
}

// Returns the short options written in roff text, with their dash: "-r".
std::vector<std::string> ShortOptionsIn(std::string_view text) {
  std::vector<std::string> names;
  for (size_t at = text.find("\\-"); at != std::string_view::npos;
       at = text.find("\\-", at + 1)) {
    bool after_dash = at >= 2 && text.substr(at - 2, 2) == "\\-";
    if (after_dash || at + 2 >= text.size()) continue;
    char c = text[at + 2];
    if (!std::isalnum(static_cast<unsigned char>(c))) continue;
    bool alone = at + 3 >= text.size() || !std::isalnum(static_cast<unsigned char>(text[at + 3]));
    if (alone) names.push_back(std::string("-") + c);
  }
  return names;
}

// Replaces the roff escapes a NAME line may hold with the characters meant.
std::string Unescape(std::string_view roff) {
  std::string out;
  for (size_t i = 0; i < roff.size(); ++i) {
    char next = i + 1 < roff.size() ? roff[i + 1] : '\0';
    if (roff[i] == '\\' && next == '-') {
      out.push_back('-');
      ++i;
    } else if (roff[i] == '\\' && next == 'e') {
      out.push_back('\\');
      ++i;
    } else if (roff[i] == '\\' && next == '&') {
      ++i;  // a zero-width space
    } else {
      out.push_back(roff[i]);
    }
  }
  return out;
}

// One option as the parser knows it: its long name and its short form ("-r"
// or "").
struct ParserOption {
  std::string long_name;
  std::string short_name;
};

// Returns what the parser accepts for a command: its options and the
// --help (-h) that the dispatcher adds to every command.
std::vector<ParserOption> ParserOptions(const Command& command) {
  std::vector<ParserOption> out;
  po::options_description description = command.options();
  for (const auto& option : description.options()) {
    std::string display =
        option->canonical_display_name(po::command_line_style::allow_dash_for_short);
    bool has_short = display.size() == 2 && display[0] == '-';
    out.push_back({option->long_name(), has_short ? display : ""});
  }
  out.push_back({"help", "-h"});
  return out;
}

std::vector<const Command*> DocumentedCommands() {
  std::vector<const Command*> out;
  for (const Command& c : Commands()) {
    if (c.name != "help") out.push_back(&c);  // help has no page of its own
  }
  return out;
}

TEST_CASE("man: every option the parser accepts is in its page's OPTIONS") {
  for (const Command* command : DocumentedCommands()) {
    std::string page = "relscan-" + command->name;
    CAPTURE(page);
    std::vector<std::string> lines = ReadLines(ManPath(page));
    if (lines.empty()) {
      FAIL_CHECK("cannot read " << ManPath(page));
      continue;
    }
    // Each documented option's entry tag line, by long name.
    std::map<std::string, std::string> entries;
    for (const std::string& tag : EntryTags(Section(lines, "OPTIONS"))) {
      for (const std::string& name : LongOptionsIn(tag)) entries[name] = tag;
    }
    for (const ParserOption& option : ParserOptions(*command)) {
      std::string long_name = option.long_name;
      std::string short_name = option.short_name;
      CAPTURE(long_name);
      CAPTURE(short_name);
      auto it = entries.find(long_name);
      CHECK_MESSAGE(it != entries.end(), "--" << long_name << " has no .TP entry in OPTIONS");
      if (it == entries.end() || short_name.empty()) continue;
      std::vector<std::string> shorts = ShortOptionsIn(it->second);
      bool has_short = false;
      for (const std::string& s : shorts) has_short = has_short || s == short_name;
      CHECK_MESSAGE(has_short, "the entry of --" << long_name << " leaves out " << short_name);
    }
  }
}

TEST_CASE("man: every option documented in OPTIONS is accepted by the parser") {
  for (const Command* command : DocumentedCommands()) {
    std::string page = "relscan-" + command->name;
    CAPTURE(page);
    std::vector<std::string> lines = ReadLines(ManPath(page));
    if (lines.empty()) {
      FAIL_CHECK("cannot read " << ManPath(page));
      continue;
    }
    std::map<std::string, std::string> accepted;  // long name -> short form
    for (const ParserOption& option : ParserOptions(*command)) {
      accepted[option.long_name] = option.short_name;
    }
    std::vector<std::string> section = Section(lines, "OPTIONS");
    CHECK_MESSAGE(!section.empty(), page << " has no OPTIONS section");
    // Every --name mentioned, in entries and in prose.
    for (const std::string& line : section) {
      for (const std::string& name : LongOptionsIn(line)) {
        std::string documented = "--" + name;
        CAPTURE(documented);
        CHECK_MESSAGE(accepted.count(name) == 1, documented << " is not accepted by the parser");
      }
    }
    // A short form in an entry is the parser's short form of that option.
    for (const std::string& tag : EntryTags(section)) {
      std::vector<std::string> longs = LongOptionsIn(tag);
      for (const std::string& short_name : ShortOptionsIn(tag)) {
        CAPTURE(tag);
        CAPTURE(short_name);
        bool matches = false;
        for (const std::string& name : longs) {
          auto it = accepted.find(name);
          matches = matches || (it != accepted.end() && it->second == short_name);
        }
        CHECK_MESSAGE(matches, short_name << " is not the short form of the option of its entry");
      }
    }
  }
}

TEST_CASE("man: relscan(1) lists every command of the table") {
  std::vector<std::string> lines = ReadLines(ManPath("relscan"));
  REQUIRE_MESSAGE(!lines.empty(), "cannot read " << ManPath("relscan"));
  std::set<std::string> listed;
  for (const std::string& tag : EntryTags(Section(lines, "COMMANDS"))) {
    if (tag.starts_with(".B ")) listed.insert(tag.substr(3));
  }
  std::set<std::string> known;
  for (const Command& c : Commands()) {
    std::string command = c.name;
    known.insert(command);
    CAPTURE(command);
    CHECK_MESSAGE(listed.count(command) == 1, "relscan(1) COMMANDS has no entry .B " << command);
  }
  for (const std::string& entry : listed) {
    CAPTURE(entry);
    CHECK_MESSAGE(known.count(entry) == 1, "relscan(1) lists a command the table does not have");
  }
}

TEST_CASE("man: each command page's NAME line is the command's summary") {
  for (const Command* command : DocumentedCommands()) {
    std::string page = "relscan-" + command->name;
    CAPTURE(page);
    std::vector<std::string> lines = ReadLines(ManPath(page));
    if (lines.empty()) {
      FAIL_CHECK("cannot read " << ManPath(page));
      continue;
    }
    std::vector<std::string> name_section = Section(lines, "NAME");
    std::string name_line = name_section.empty() ? "" : Unescape(name_section.front());
    std::string expected = page + " - " + command->summary;
    CHECK(name_section.size() == 1);
    CHECK(name_line == expected);
  }
}

}  // namespace
}  // namespace relscan::cli
