// Memory for one gumbo parse, carved from large chunks and released all at
// once with the document. A page's tree is thousands of small nodes,
// strings and vectors; a malloc and a free for each cost more than gumbo's
// tokenizer spends on many of them. Gumbo's own frees during the parse (of
// buffers it grew, of tokens it consumed) are ignored: on job pages a parse
// allocates about 1.5 times what its finished tree holds, and never more
// than a small multiple of its input, whose length is capped. Internal to
// parsers/html (HtmlDocument uses it); public for its tests.
//
// Not thread-safe: one parse at a time. Allocation never throws; like
// malloc it returns null when memory runs out.
#ifndef JOBCRAWLER_PARSERS_HTML_GUMBO_ARENA_H_
#define JOBCRAWLER_PARSERS_HTML_GUMBO_ARENA_H_

#include <cstddef>

namespace jobcrawler::parsers::internal {

class GumboArena {
 public:
  // Allocations larger than this get a chunk of their own.
  static constexpr std::size_t kChunkBytes = 64 * 1024;

  GumboArena() = default;
  ~GumboArena();
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;

  // GumboOptions' allocator and deallocator, with `arena` (the userdata)
  // pointing at a GumboArena. Blocks are aligned for any type.
  static void* Allocate(void* arena, std::size_t size) noexcept;
  static void Deallocate(void* arena, void* block) noexcept;

  // Bytes taken from the system so far (chunks and their headers).
  std::size_t reserved_bytes() const { return reserved_; }

 private:
  struct Chunk;
  void* Take(std::size_t size) noexcept;
  Chunk* NewChunk(std::size_t payload) noexcept;

  Chunk* chunks_ = nullptr;  // every chunk, the newest first
  char* next_ = nullptr;     // free space in the shared chunk in use
  std::size_t left_ = 0;
  std::size_t reserved_ = 0;
};

}  // namespace jobcrawler::parsers::internal

#endif  // JOBCRAWLER_PARSERS_HTML_GUMBO_ARENA_H_
