// Page faults paid in bulk. The first touch of each 4 KiB page of heap is a page fault; on the
// 2-core virtual machines we measure on, one costs about 11 us, while asking the kernel to
// populate a range (madvise MADV_POPULATE_WRITE) costs about 1 us a page. A lint run touches
// thousands of new pages, and a run that names one file spends a quarter of its time in faults.
// So a lint run keeps the heap it has touched (no trimming, no mmap for large blocks) and makes
// each thread's next stretch of heap present before it is used. Elsewhere (Linux before 5.14,
// other C libraries, the sanitizer builds) these do nothing.
#pragma once

#include <cstddef>

namespace agentlint {

// For a batch run (`agentlint PATH...`, not the language server, which lives long and should give
// memory back): large blocks come from the heap and freed memory stays in it, so every page is
// faulted once; then makes the calling thread's next `first_bytes` of heap present.
void UseBatchHeap(size_t first_bytes);

// After UseBatchHeap, on any thread: makes the next `bytes` of that thread's heap present, with
// one system call where they are not already. Returns whether memory was populated now (false
// before UseBatchHeap, where the kernel cannot, or where the range was present already).
bool PrefaultHeap(size_t bytes);

// The stretch a loop that keeps what it allocates asks for at a time.
constexpr size_t kPrefaultStep = 512 << 10;

// For such a loop, once per step (a file, a directory entry): every 16th call on a thread makes
// its next kPrefaultStep present. Not every call: one whose block ends past the present stretch
// faults once itself (malloc writes the heap's next header there), and a step keeps a few KiB.
void PrefaultHeapStep();

}  // namespace agentlint
