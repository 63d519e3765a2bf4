// nginx's reading of its configuration at start, reduced to what decides
// whether the server starts and where it listens: its `listen` directives.
//
// The official nginx image's /etc/nginx/nginx.conf includes
// /etc/nginx/conf.d/*.conf, so a container that mounts a file at one of
// those paths (a ConfigMap key by subPath, say) starts nginx on that text.
// The text is split into directives as nginx's parser does (whitespace,
// `;`, `{`, `}`, quotes, `#` comments), and each `listen` value is parsed
// as ngx_parse_url does for a listening socket (src/core/ngx_inet.c):
// `[ADDR:]PORT` or `[IPV6]:PORT` with PORT a number in 1..65535, else
// "invalid port"; a bare number is the port; any other bare word is a host
// name on the default port 80. Host names are not resolved here: `*`,
// `localhost` and IPv4 addresses are accepted, any other name is "host not
// found" (a pod resolves only cluster names, and nothing upstream of nginx
// in these scenarios names one). A refused value stops nginx with its
// emergency line, naming the file and the line of the directive's end:
//   nginx: [emerg] host not found in "INVALID_PORT" of the "listen" directive
//   in /etc/nginx/conf.d/default.conf:2
// Every other directive is taken as valid (docs/semantics.md).
#ifndef KREPLAY_SIM_NGINX_CONFIG_H_
#define KREPLAY_SIM_NGINX_CONFIG_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kreplay {

struct NginxConfig {
  std::string error;           // nginx's [emerg] line; "" when it starts
  std::vector<int64_t> ports;  // the listen directives' ports, sorted, unique
};

// Whether `image` is an nginx image (its repository is `nginx`, as in
// `nginx:1.27-alpine` or `docker.io/library/nginx@sha256:...`): its own
// program is nginx, which reads the files below at start.
bool IsNginxImage(const std::string& image);

// Whether `path` is a file the image's nginx reads at start.
bool IsNginxConfigPath(const std::string& path);

// Reads the mounted files (absolute path -> content) that nginx reads, in
// path order; the first refused `listen` value stops it.
NginxConfig ReadNginxConfig(const std::map<std::string, std::string>& files);

}  // namespace kreplay

#endif  // KREPLAY_SIM_NGINX_CONFIG_H_
