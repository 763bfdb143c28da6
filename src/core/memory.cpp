#include "core/memory.h"

#include <atomic>
#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

// The sanitizers bring their own allocator: nothing to tune there.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define AGENTLINT_NO_PREFAULT 1
#endif
#if !defined(__GLIBC__) || !defined(__linux__) || !defined(MADV_POPULATE_WRITE)
#define AGENTLINT_NO_PREFAULT 1
#endif

namespace agentlint {

#ifdef AGENTLINT_NO_PREFAULT

void UseBatchHeap(size_t) {}
bool PrefaultHeap(size_t) { return false; }
void PrefaultHeapStep() {}

#else

namespace {

std::atomic<bool> batch_heap{false};
std::atomic<bool> populate_refused{false};  // the kernel said no once: do not ask again

// The stretch of this thread's heap made present last; the next call extends it.
thread_local uintptr_t heap_present_begin = 0;
thread_local uintptr_t heap_present_end = 0;
thread_local unsigned heap_steps = 0;

}  // namespace

void UseBatchHeap(size_t first_bytes) {
  // 32 MiB is glibc's own upper bound for its sliding mmap threshold; a block larger than that
  // (a file near the size limit) is still mapped on its own.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  batch_heap = true;
  PrefaultHeap(first_bytes);
}

bool PrefaultHeap(size_t bytes) {
  if (!batch_heap || populate_refused || bytes == 0) return false;
  static const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  // The block malloc hands out for `bytes` is where the thread's next allocations of that size
  // or less will come from: usually the top of its heap. Freed, it goes back there, present.
  void* block = std::malloc(bytes);
  if (!block) return false;
  const uintptr_t start = reinterpret_cast<uintptr_t>(block);
  uintptr_t begin = (start + page - 1) & ~(page - 1);
  const uintptr_t end = (start + bytes) & ~(page - 1);
  const bool continues = begin >= heap_present_begin && begin <= heap_present_end;
  if (continues) begin = heap_present_end;
  bool populated = false;
  if (begin < end) {
    if (madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE) == 0) {
      populated = true;
      if (!continues) heap_present_begin = begin;
      heap_present_end = end;
    } else {
      populate_refused = true;  // EINVAL before Linux 5.14; the pages then fault one by one
    }
  }
  std::free(block);
  return populated;
}

void PrefaultHeapStep() {
  if (heap_steps++ % 16 == 0) PrefaultHeap(kPrefaultStep);
}

#endif

}  // namespace agentlint
