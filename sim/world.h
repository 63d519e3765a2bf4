// The world of a scenario: which images exist and how their containers
// behave, so that pod health is computed from facts rather than guessed.
//
// An image that is not in the catalog fails to pull. An image lists the
// ports it listens on (readiness and Service reachability are checked
// against them) and the conditions under which its container starts:
// files that, when provided by a mount, must contain given text; environment
// variables that must match a pattern; paths that must be writable.
#ifndef KREPLAY_SIM_WORLD_H_
#define KREPLAY_SIM_WORLD_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "model/json.h"

namespace kreplay {

struct FileRequirement {
  std::string path;                   // absolute path inside the container
  std::vector<std::string> contains;  // every text must occur in the file
};

struct EnvRequirement {
  std::string name;
  std::string matches;   // RE2 pattern the whole value must match (docs/fixtures.md)
};

struct ImageBehavior {
  std::string image;
  std::vector<int64_t> ports;
  std::vector<FileRequirement> files;
  std::vector<EnvRequirement> env;
  std::vector<std::string> writable;  // paths the process writes to
};

struct World {
  std::map<std::string, ImageBehavior> images;

  // The behaviour of `image`, or nullptr when it does not exist.
  const ImageBehavior* Find(const std::string& image) const;
};

// Reads the fixture's `world` block: {images: [{image, ports, requires:
// {files: [{path, contains}], env: [{name, matches}], writable: [...]}}]}.
// Errors: InvalidArgument naming the field (`world.images[2].ports`).
absl::StatusOr<World> WorldFromJson(const Json& world);

}  // namespace kreplay

#endif  // KREPLAY_SIM_WORLD_H_
