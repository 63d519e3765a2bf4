#include "sim/nginx_config.h"

#include <algorithm>
#include <cctype>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace kreplay {
namespace {

// One directive: its words and the line its `;` (or `{`) is on.
struct Directive {
  std::vector<std::string> words;
  int line = 1;
};

// Splits nginx configuration text into directives (ngx_conf_read_token:
// words end at whitespace, `;`, `{` or `}`; quotes group; `#` starts a
// comment to the end of the line).
std::vector<Directive> Directives(const std::string& text) {
  std::vector<Directive> out;
  Directive current;
  std::string word;
  bool in_word = false;
  int line = 1;
  auto end_word = [&] {
    if (in_word) current.words.push_back(word);
    word.clear();
    in_word = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') ++line;
    if (c == '#' && !in_word) {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
    } else if (c == '"' || c == '\'') {
      in_word = true;
      for (++i; i < text.size() && text[i] != c; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        if (text[i] == '\n') ++line;
        word += text[i];
      }
    } else if (c == ';' || c == '{' || c == '}') {
      end_word();
      current.line = line;
      if (!current.words.empty()) out.push_back(current);
      current = Directive{};
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      end_word();
    } else {
      in_word = true;
      word += c;
    }
  }
  return out;
}

// ngx_atoi: digits only, at least one.
bool Port(const std::string& text, int64_t& port) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), ::isdigit)) return false;
  if (text.size() > 6 || !absl::SimpleAtoi(text, &port)) port = 0;
  return true;
}

bool Ipv4(const std::string& host) {
  std::vector<std::string> parts = absl::StrSplit(host, '.');
  if (parts.size() != 4) return false;
  for (const std::string& part : parts) {
    int64_t n = 0;
    if (!Port(part, n) || n > 255) return false;
  }
  return true;
}

// The error nginx gives for a listen value ("" when accepted) and its port.
std::string ParseListen(const std::string& value, int64_t& port) {
  port = 80;
  if (absl::StartsWith(value, "unix:")) return "";
  std::string host = value;
  size_t colon = value.rfind(':');
  if (absl::StartsWith(value, "[")) {
    size_t close = value.find(']');
    if (close == std::string::npos) return "invalid host";
    colon = value.size() > close + 1 && value[close + 1] == ':' ? close + 1 : std::string::npos;
    host = value.substr(0, close + 1);
  } else if (colon != std::string::npos) {
    host = value.substr(0, colon);
  }
  if (colon != std::string::npos) {
    if (!Port(value.substr(colon + 1), port) || port < 1 || port > 65535) return "invalid port";
    return host.empty() ? "no host" : "";
  }
  if (Port(value, port)) return port < 1 || port > 65535 ? "invalid port" : "";
  port = 80;
  if (absl::StartsWith(host, "[") || host == "*" || host == "localhost" || Ipv4(host)) return "";
  return "host not found";
}

}  // namespace

bool IsNginxImage(const std::string& image) {
  std::string name = image.substr(0, image.find('@'));
  size_t slash = name.rfind('/');
  std::string last = slash == std::string::npos ? name : name.substr(slash + 1);
  return last.substr(0, last.find(':')) == "nginx";
}

bool IsNginxConfigPath(const std::string& path) {
  if (path == "/etc/nginx/nginx.conf") return true;
  return absl::StartsWith(path, "/etc/nginx/conf.d/") && absl::EndsWith(path, ".conf") &&
         path.find('/', sizeof("/etc/nginx/conf.d/") - 1) == std::string::npos;
}

NginxConfig ReadNginxConfig(const std::map<std::string, std::string>& files) {
  NginxConfig out;
  for (const auto& [path, text] : files) {
    if (!IsNginxConfigPath(path)) continue;
    for (const Directive& d : Directives(text)) {
      if (d.words[0] != "listen" || d.words.size() < 2) continue;
      int64_t port = 0;
      if (std::string err = ParseListen(d.words[1], port); !err.empty()) {
        out.error = absl::StrCat("nginx: [emerg] ", err, " in \"", d.words[1],
                                 "\" of the \"listen\" directive in ", path, ":", d.line);
        return out;
      }
      if (std::find(out.ports.begin(), out.ports.end(), port) == out.ports.end()) {
        out.ports.push_back(port);
      }
    }
  }
  std::sort(out.ports.begin(), out.ports.end());
  return out;
}

}  // namespace kreplay
