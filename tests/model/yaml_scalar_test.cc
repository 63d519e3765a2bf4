// Mapping keys from floats (model/yaml_scalar.h): written as
// sigs.k8s.io/yaml writes them, float32 digits, with ".inf" beyond range.
#include "model/yaml_scalar.h"

#include <doctest/doctest.h>

namespace kreplay {
namespace {

std::string Key(const char* text) {
  absl::StatusOr<std::string> key = ScalarToKey(ResolvePlainScalar(text));
  REQUIRE_MESSAGE(key.ok(), key.status().ToString());
  return *key;
}

TEST_CASE("float keys beyond float32 become .inf and -.inf, as sigs.k8s.io/yaml writes them") {
  CHECK(Key("1e39") == ".inf");
  CHECK(Key("-1e39") == "-.inf");
  CHECK(Key("1e308") == ".inf");
  CHECK(Key(".inf") == ".inf");
  CHECK(Key("-.inf") == "-.inf");
  CHECK(Key(".nan") == ".nan");
}

TEST_CASE("float keys within float32 keep their shortest float32 digits") {
  CHECK(Key("3.4028234e38") == "3.4028235e+38");  // rounds to FLT_MAX
  CHECK(Key("1.5") == "1.5");
  CHECK(Key("1e6") == "1e+06");
  CHECK(Key("123456.0") == "123456");
}

}  // namespace
}  // namespace kreplay
