// The checks on JSON text where it enters kreplay: UTF-8, nesting depth,
// duplicate keys, and the parser's own errors, each with its offset.
#include "model/json_text.h"

#include <optional>
#include <string>

#include <doctest/doctest.h>

#include "absl/strings/match.h"

namespace kreplay {
namespace {

std::string Nested(int depth, const char* open = "[", const char* close = "]") {
  std::string text;
  for (int i = 0; i < depth; ++i) text += open;
  for (int i = 0; i < depth; ++i) text += close;
  return text;
}

TEST_CASE("json text: valid and invalid UTF-8") {
  struct Case {
    const char* name;
    std::string text;
    std::optional<size_t> bad;
  };
  const Case cases[] = {
      {"ascii", "plain", std::nullopt},
      {"two-byte", "caf\xC3\xA9", std::nullopt},
      {"three-byte", "\xE2\x82\xAC", std::nullopt},
      {"four-byte", "\xF0\x9F\x98\x80", std::nullopt},
      {"lone continuation", "ab\x80", 2},
      {"0xFF", "\xFF", 0},
      {"overlong slash", "x\xC0\xAF", 1},
      {"overlong three-byte", "\xE0\x80\xAF", 0},
      {"surrogate", "\xED\xA0\x80", 0},
      {"past U+10FFFF", "\xF4\x90\x80\x80", 0},
      {"truncated at end", "ok\xE2\x82", 2},
      {"lead without continuation", "\xC3x", 0},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.name));
    CHECK(FirstInvalidUtf8(c.text) == c.bad);
  }
  CHECK(PrintableUtf8("a\xFF" "b\xC3\xA9") == "a\\xFFb\xC3\xA9");
}

TEST_CASE("json text: nesting depth ignores brackets inside strings") {
  CHECK_FALSE(FirstTooDeep(Nested(kMaxJsonDepth)).has_value());
  CHECK(FirstTooDeep(Nested(kMaxJsonDepth + 1)) == size_t{kMaxJsonDepth});
  CHECK(FirstTooDeep(Nested(3, "{\"a\":", "}"), 2) == size_t{10});
  CHECK_FALSE(FirstTooDeep("[\"[[[[[[\"]", 2).has_value());
  CHECK_FALSE(FirstTooDeep("[\"\\\"[[[[\"]", 2).has_value());
  CHECK_FALSE(FirstTooDeep("[][][][]", 1).has_value());
}

TEST_CASE("json text: ParseJsonText refuses what nlohmann accepts silently") {
  struct Case {
    const char* name;
    std::string text;
    const char* error_part;  // "" = parses
    size_t offset;
  };
  const Case cases[] = {
      {"object", R"({"a":1,"b":[1,2]})", "", 0},
      {"same key in sibling objects", R"([{"a":1},{"a":2}])", "", 0},
      {"same key at two levels", R"({"a":{"a":1}})", "", 0},
      {"duplicate key", R"({"command":"get","command":"delete"})", "duplicate key \"command\"",
       std::string::npos},
      {"duplicate nested key", R"({"args":{"x":1,"x":2}})", "duplicate key \"x\"",
       std::string::npos},
      {"invalid UTF-8 in a string", "{\"a\":\"\xFF\"}", "invalid UTF-8 (byte 0xFF)", 6},
      {"too deep", Nested(kMaxJsonDepth + 1), "nesting deeper than 1000 levels", kMaxJsonDepth},
      {"deep objects", Nested(100000, "{\"a\":", "}"), "nesting deeper than 1000 levels", 5000},
      {"truncated", R"({"tool":"x","args":{)", "syntax error", 0},
      {"trailing garbage", R"({"a":1} x)", "syntax error", 0},
      {"empty", "", "syntax error", 0},
      {"NUL after the value", std::string("{}\0{\"a\":1}", 10), "NUL byte", 2},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.name));
    JsonText parsed = ParseJsonText(c.text);
    if (std::string(c.error_part).empty()) {
      CHECK_FALSE(parsed.error.has_value());
      continue;
    }
    REQUIRE(parsed.error.has_value());
    CAPTURE(parsed.error->what);
    CHECK(absl::StrContains(parsed.error->what, c.error_part));
    if (c.offset != 0 || parsed.error->offset == 0) CHECK(parsed.error->offset == c.offset);
    CHECK(parsed.value.is_null());
  }
}

TEST_CASE("json text: line and column of an offset") {
  CHECK(LineColumnOf("abc", 0) == "1:1");
  CHECK(LineColumnOf("abc\ndef", 5) == "2:2");
  CHECK(LineColumnOf("abc\n", 99) == "2:1");
}

}  // namespace
}  // namespace kreplay
