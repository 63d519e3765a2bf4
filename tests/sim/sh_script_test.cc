#include "sim/sh_script.h"

#include <doctest/doctest.h>

#include <string>

namespace kreplay {
namespace {

ShList Parse(const std::string& script) {
  absl::StatusOr<ShList> list = ParseShScript(script);
  REQUIRE_MESSAGE(list.ok(), list.status().ToString());
  return *list;
}

TEST_CASE("sh scripts: lists, and-or and quotes") {
  ShList list = Parse("mkdir -p /www && echo ok >/www/index.html && httpd -f -p 8080 -h /www");
  REQUIRE(list.size() == 1);
  REQUIRE(list[0].commands.size() == 3);
  CHECK(list[0].joins == std::vector<bool>{true, true});
  CHECK(list[0].commands[1].words == std::vector<std::string>{"echo", "ok"});
  REQUIRE(list[0].commands[1].redirects.size() == 1);
  CHECK(list[0].commands[1].redirects[0].target == "/www/index.html");
  CHECK_FALSE(list[0].commands[1].redirects[0].append);

  list = Parse("echo 'a;b' \"c \\\"d\\\"\" e\\ f; false || true\n# comment\nexit 3");
  REQUIRE(list.size() == 3);
  CHECK(list[0].commands[0].words == std::vector<std::string>{"echo", "a;b", "c \"d\"", "e f"});
  CHECK(list[1].joins == std::vector<bool>{false});
  CHECK(list[2].commands[0].words == std::vector<std::string>{"exit", "3"});
  CHECK(list[2].commands[0].line == 3);

  list = Parse("echo x >> /tmp/log 2>&1");
  REQUIRE(list[0].commands[0].redirects.size() == 2);
  CHECK(list[0].commands[0].redirects[0].append);
  CHECK(list[0].commands[0].redirects[1].fd == 2);
  CHECK(list[0].commands[0].redirects[1].dup);
  CHECK(list[0].commands[0].redirects[1].target == "1");
}

TEST_CASE("sh scripts: while loops") {
  ShList list = Parse("while true; do sleep 3600; done");
  REQUIRE(list.size() == 1);
  const ShCommand& loop = list[0].commands[0];
  CHECK(loop.kind == ShCommand::Kind::kWhile);
  CHECK(loop.condition[0].commands[0].words == std::vector<std::string>{"true"});
  CHECK(loop.body[0].commands[0].words == std::vector<std::string>{"sleep", "3600"});
  // `do` and `done` are words only outside command position.
  list = Parse("echo do done");
  CHECK(list[0].commands[0].words.size() == 3);
  CHECK(ParseShScript("while true; do echo x").status().code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(ParseShScript("done").status().code() == absl::StatusCode::kInvalidArgument);
}

TEST_CASE("sh scripts: constructs outside the subset are refused with their line") {
  for (const char* script : {"echo a | grep a", "sleep 1 &", "echo $HOME", "echo \"$(date)\"",
                             "ls *.conf", "if true; then echo; fi", "(echo)", "X=1 echo",
                             "cat < /etc/hosts", "for i in 1 2; do echo; done"}) {
    CAPTURE(script);
    CHECK(ParseShScript(script).status().code() == absl::StatusCode::kUnimplemented);
  }
  // Quoted, the same characters are plain text.
  CHECK(ParseShScript("echo '$HOME | *' \"a|b\"").ok());
  absl::Status s = ParseShScript("echo ok\necho a | b").status();
  CHECK(s.message() == "line 2: a pipeline (`|`)");
  CHECK(ParseShScript("echo 'open").status().code() == absl::StatusCode::kInvalidArgument);
}

TEST_CASE("sh scripts: bounds") {
  CHECK(ParseShScript(std::string(kMaxScriptBytes + 1, ' ')).status().code() ==
        absl::StatusCode::kResourceExhausted);
  std::string words;
  for (size_t i = 0; i <= kMaxScriptTokens; ++i) words += "a ";
  CHECK(ParseShScript(words).status().code() == absl::StatusCode::kResourceExhausted);
  std::string nested;
  for (int i = 0; i <= kMaxScriptDepth; ++i) nested += "while true; do ";
  nested += "true";
  for (int i = 0; i <= kMaxScriptDepth; ++i) nested += "; done";
  CHECK(ParseShScript(nested).status().code() == absl::StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace kreplay
