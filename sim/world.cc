#include "sim/world.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "re2/re2.h"

namespace kreplay {
namespace {

absl::Status Bad(const std::string& field, const std::string& expected) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": expected ", expected));
}

absl::StatusOr<std::vector<std::string>> Strings(const Json& value,
                                                 const std::string& field) {
  std::vector<std::string> out;
  if (value.is_string()) return std::vector<std::string>{value.get<std::string>()};
  if (!value.is_array()) return Bad(field, "a string or a list of strings");
  for (const Json& item : value) {
    if (!item.is_string()) return Bad(field, "a list of strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

absl::Status ReadRequirements(const Json& req, const std::string& field,
                              ImageBehavior& image) {
  for (const auto& [key, value] : req.items()) {
    std::string at = absl::StrCat(field, ".", key);
    if (!value.is_array()) return Bad(at, "a list");
    for (const Json& item : value) {
      if (key == "files" && item.is_object() && item.contains("path")) {
        auto contains = Strings(item.value("contains", Json::array()), at + ".contains");
        if (!contains.ok()) return contains.status();
        image.files.push_back({GetString(item, "path"), *contains});
      } else if (key == "env" && item.is_object() && item.contains("name")) {
        std::string pattern = GetString(item, "matches", ".*");
        // RE2 (linear time, no recursion: fixture patterns are untrusted).
        RE2 check(pattern, RE2::Quiet);
        if (!check.ok()) {
          return Bad(at + ".matches",
                     absl::StrCat("a valid RE2 regular expression (", check.error(), ")"));
        }
        image.env.push_back({GetString(item, "name"), pattern});
      } else if (key == "writable" && item.is_string()) {
        image.writable.push_back(item.get<std::string>());
      } else {
        return Bad(at, "files [{path, contains}], env [{name, matches}] or writable [path]");
      }
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<ImageBehavior> ReadImage(const Json& item, const std::string& field) {
  if (!item.is_object() || !item.contains("image") || !item["image"].is_string()) {
    return Bad(field + ".image", "the image reference as a string");
  }
  ImageBehavior image{item["image"].get<std::string>(), {}, {}, {}, {}};
  if (const Json* ports = kreplay::Find(item, "ports")) {
    if (!ports->is_array()) return Bad(field + ".ports", "a list of port numbers");
    for (const Json& port : *ports) {
      if (!port.is_number_integer()) return Bad(field + ".ports", "a list of port numbers");
      image.ports.push_back(port.get<int64_t>());
    }
  }
  if (const Json* req = kreplay::Find(item, "requires")) {
    if (!req->is_object()) return Bad(field + ".requires", "an object");
    if (absl::Status s = ReadRequirements(*req, field + ".requires", image); !s.ok()) {
      return s;
    }
  }
  return image;
}

}  // namespace

const ImageBehavior* World::Find(const std::string& image) const {
  auto it = images.find(image);
  return it == images.end() ? nullptr : &it->second;
}

absl::StatusOr<World> WorldFromJson(const Json& world) {
  World out;
  if (world.is_null()) return out;
  const Json* images = kreplay::Find(world, "images");
  if (!world.is_object() || (images && !images->is_array())) {
    return Bad("world.images", "a list of images");
  }
  if (images == nullptr) return out;
  for (size_t i = 0; i < images->size(); ++i) {
    std::string field = absl::StrCat("world.images[", i, "]");
    absl::StatusOr<ImageBehavior> image = ReadImage((*images)[i], field);
    if (!image.ok()) return image.status();
    out.images[image->image] = *std::move(image);
  }
  return out;
}

}  // namespace kreplay
