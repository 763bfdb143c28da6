// A fresh process for tests/memory_test.cpp: the allocator's settings and the heap are a
// process's own, and a forked test process would bring its free memory (shared copy-on-write).
// Prints five numbers: what PrefaultHeap returned before UseBatchHeap, after it, and again over
// the same stretch; the page faults taken to touch 3 MiB of new blocks, then 16 MiB more.
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/memory.h"

namespace {

long MinorFaults() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

// Allocates `total` bytes in blocks of 48 KiB (kept in `blocks`, reserved beforehand), writes
// one byte in each of their pages, and returns the page faults that took.
long FaultsToTouch(size_t total, std::vector<void*>& blocks) {
  constexpr size_t kBlock = 48 << 10;
  const long before = MinorFaults();
  for (size_t done = 0; done < total; done += kBlock) {
    auto* block = static_cast<volatile char*>(std::malloc(kBlock));
    for (size_t i = 0; i < kBlock; i += 4096) block[i] = 1;
    blocks.push_back(const_cast<char*>(block));
  }
  return MinorFaults() - before;
}

}  // namespace

int main() {
  using namespace agentlint;
  std::vector<void*> blocks;
  blocks.reserve(1024);
  const bool before = PrefaultHeap(1 << 20);
  UseBatchHeap(0);
  const bool first = PrefaultHeap(4 << 20);
  const bool again = PrefaultHeap(2 << 20);
  const long present = FaultsToTouch(3 << 20, blocks);
  const long beyond = FaultsToTouch(16 << 20, blocks);
  for (void* block : blocks) std::free(block);
  std::printf("%d %d %d %ld %ld\n", before, first, again, present, beyond);
  return 0;
}
