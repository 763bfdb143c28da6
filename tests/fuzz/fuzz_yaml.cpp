// Differential libFuzzer target for the one-pass YAML reader (core/yaml ParseSimpleYaml): for any
// bytes it takes, its tree (kinds, spans, styles, values, tags) and its duplicate keys must be
// yaml-cpp's. It may decline anything; it may never disagree. A disagreement aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/yaml.h"

namespace {

bool Same(const agentlint::YamlNode& a, const agentlint::YamlNode& b) {
  if (a.kind != b.kind || a.span.begin != b.span.begin || a.span.end != b.span.end ||
      a.style != b.style || a.flow != b.flow || a.value != b.value || a.tag != b.tag ||
      a.children.size() != b.children.size())
    return false;
  for (size_t i = 0; i < a.children.size(); ++i) {
    if (!Same(a.children[i], b.children[i])) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace agentlint;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::optional<YamlParse> fast = ParseSimpleYaml(text);
  if (!fast) return 0;
  const YamlParse full = ParseYamlWithYamlCpp(text);
  if (!full.ok || !full.root || !fast->root || !Same(*fast->root, *full.root)) std::abort();
  if (fast->duplicate_keys.size() != full.duplicate_keys.size()) std::abort();
  for (size_t i = 0; i < full.duplicate_keys.size(); ++i) {
    if (fast->duplicate_keys[i].key != full.duplicate_keys[i].key ||
        fast->duplicate_keys[i].duplicate.begin != full.duplicate_keys[i].duplicate.begin ||
        fast->duplicate_keys[i].first.begin != full.duplicate_keys[i].first.begin)
      std::abort();
  }
  return 0;
}
