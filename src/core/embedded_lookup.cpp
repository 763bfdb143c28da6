#include "core/embedded.h"

namespace agentlint {

std::string_view FindEmbedded(std::string_view path) {
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.path == path) return file.data;
  }
  return {};
}

}  // namespace agentlint
