// A scratch directory for one test, under the system's temporary directory,
// made empty when created and removed at the end of the test.
#ifndef KREPLAY_TESTS_SCRATCH_DIR_H_
#define KREPLAY_TESTS_SCRATCH_DIR_H_

#include <filesystem>
#include <fstream>
#include <string>

namespace kreplay::testing {

class ScratchDir {
 public:
  // `name` makes the directory the test's own: kreplay-test-<name>.
  explicit ScratchDir(const std::string& name)
      : dir_(std::filesystem::temp_directory_path() / ("kreplay-test-" + name)) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~ScratchDir() { std::filesystem::remove_all(dir_); }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  // Writes `text` to `name` (a relative path, folders made as needed) and
  // returns the file's path.
  std::string Write(const std::string& name, const std::string& text) const {
    std::filesystem::path path = dir_ / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
    return path.string();
  }
  std::string path() const { return dir_.string(); }

 private:
  std::filesystem::path dir_;
};

}  // namespace kreplay::testing

#endif  // KREPLAY_TESTS_SCRATCH_DIR_H_
