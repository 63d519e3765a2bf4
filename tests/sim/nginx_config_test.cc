// sim/nginx_config.h: nginx's listen parsing (src/core/ngx_inet.c) on the
// files an nginx container mounts, and the container start it decides.
#include "sim/nginx_config.h"

#include <doctest/doctest.h>

#include "sim/container_start.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

NginxConfig Read(const std::string& text,
                 const std::string& path = "/etc/nginx/conf.d/default.conf") {
  return ReadNginxConfig({{path, text}});
}

TEST_CASE("nginx config: listen values nginx accepts give the ports") {
  CHECK(Read("server {\n    listen 80;\n}\n").ports == std::vector<int64_t>{80});
  CHECK(Read("server { listen 8080 default_server; listen [::]:8080; }").ports ==
        std::vector<int64_t>{8080});
  CHECK(Read("server { listen 127.0.0.1:81; listen *:82; listen localhost; }").ports ==
        std::vector<int64_t>{80, 81, 82});
  CHECK(Read("server { server_name x; }").ports.empty());
  // A commented-out or quoted directive is not a listen of its own.
  CHECK(Read("server {\n  # listen INVALID;\n  return 200 'listen x;';\n  listen 80;\n}")
            .error.empty());
}

TEST_CASE("nginx config: refused listen values give nginx's [emerg] line") {
  // A bare word is a host name on port 80 (ngx_parse_inet_url), not a port.
  CHECK(Read("server {\n    listen INVALID_PORT;\n    server_name localhost;\n}\n").error ==
        "nginx: [emerg] host not found in \"INVALID_PORT\" of the \"listen\" directive in "
        "/etc/nginx/conf.d/default.conf:2");
  // Near misses of a valid port: out of range, zero, not a number after ':'.
  CHECK(Read("server { listen 65536; }").error ==
        "nginx: [emerg] invalid port in \"65536\" of the \"listen\" directive in "
        "/etc/nginx/conf.d/default.conf:1");
  CHECK(Read("server { listen 0; }").error.find("invalid port in \"0\"") != std::string::npos);
  CHECK(Read("server { listen 10.0.0.1:http; }").error.find("invalid port") != std::string::npos);
  CHECK(Read("server { listen 65535; }").error.empty());
}

TEST_CASE("nginx config: only the files nginx reads count") {
  CHECK(IsNginxConfigPath("/etc/nginx/nginx.conf"));
  CHECK(IsNginxConfigPath("/etc/nginx/conf.d/default.conf"));
  CHECK_FALSE(IsNginxConfigPath("/etc/nginx/conf.d/default.conf.bak"));
  CHECK_FALSE(IsNginxConfigPath("/etc/nginx/conf.d/sub/x.conf"));
  CHECK_FALSE(IsNginxConfigPath("/usr/share/nginx/html/index.conf"));
  CHECK(Read("server { listen INVALID; }", "/config/nginx.conf").error.empty());
  CHECK(IsNginxImage("nginx:1.27-alpine"));
  CHECK(IsNginxImage("docker.io/library/nginx@sha256:abc"));
  CHECK_FALSE(IsNginxImage("busybox:1.36"));
  CHECK_FALSE(IsNginxImage("nginx-exporter:1.0"));
}

constexpr char kPod[] = R"({"metadata": {"name": "web-1", "namespace": "bench"},
  "spec": {"containers": [{"name": "nginx", "image": "nginx:1.27-alpine",
    "volumeMounts": [{"name": "config", "mountPath": "/etc/nginx/conf.d/default.conf",
                      "subPath": "nginx.conf"}]}],
   "volumes": [{"name": "config", "configMap": {"name": "shared-config"}}]}})";

std::string Config(const std::string& conf) {
  return "apiVersion: v1\nkind: Namespace\nmetadata: {name: bench}\n---\n"
         "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: shared-config, namespace: bench}\n"
         "data:\n  nginx.conf: \"" + conf + "\"\n";
}

TEST_CASE("nginx config: an nginx container starts on its mounted config") {
  World world = TestWorld();
  Json pod = Json::parse(kPod);
  Cluster bad = ClusterFrom(Config("server {\\n    listen INVALID_PORT;\\n}\\n"), world);
  std::vector<ContainerStart> starts = EvaluateStart(pod, "bench", bad.store(), world);
  REQUIRE(starts.size() == 1);
  CHECK(starts[0].state == StartState::kCrashLoopBackOff);
  CHECK(starts[0].message ==
        "back-off restarting failed container nginx: nginx: [emerg] host not found in "
        "\"INVALID_PORT\" of the \"listen\" directive in /etc/nginx/conf.d/default.conf:2");
  CHECK(starts[0].process.log.back() == starts[0].message.substr(sizeof(
            "back-off restarting failed container nginx: ") - 1));

  Cluster moved = ClusterFrom(Config("server { listen 8080; }"), world);
  starts = EvaluateStart(pod, "bench", moved.store(), world);
  CHECK(starts[0].state == StartState::kRunning);
  CHECK(ListeningPorts(pod, "nginx", "bench", moved.store(), world) == std::vector<int64_t>{8080});
}

}  // namespace
}  // namespace kreplay
